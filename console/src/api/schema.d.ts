/**
 * The hotline API as the console's client sees it: generated from the API's OpenAPI document by
 * `npm run console:api-types` (runtime/console-api-types.ts). Do not edit; test/console-api-types.test.ts fails
 * when this file no longer matches the API.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database and Temporal answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready" | "not_ready";
                            checks: {
                                database: {
                                    /** @enum {string} */
                                    status: "ok" | "down";
                                    detail?: string;
                                };
                                temporal: {
                                    /** @enum {string} */
                                    status: "ok" | "down";
                                    detail?: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready" | "not_ready";
                            checks: {
                                database: {
                                    /** @enum {string} */
                                    status: "ok" | "down";
                                    detail?: string;
                                };
                                temporal: {
                                    /** @enum {string} */
                                    status: "ok" | "down";
                                    detail?: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units of the organisation tree (filter by type, parent, or a subtree) */
        get: {
            parameters: {
                query?: {
                    type?: "city" | "district" | "street" | "community" | "grid" | "department";
                    parentId?: string;
                    /** @description a unit id: return it and every unit below it */
                    within?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                type: "city" | "district" | "street" | "community" | "grid" | "department";
                                parentId: string | null;
                                path: string;
                                principalLeader: string;
                                deputyLeader: string;
                                officePhone: string;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The complaint category taxonomy with each category’s deadline class */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                parentId: string | null;
                                /** @enum {string} */
                                slaClass: "emergency" | "utilities" | "urgent" | "general" | "complex";
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dispatch-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dispatch catalogue (派单目录), ordered by category, then area (anywhere first) */
        get: {
            parameters: {
                query?: {
                    /** @description rules of exactly this category */
                    categoryId?: string;
                    /** @description rules of exactly this area */
                    areaUnitId?: string;
                    active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                categoryId: string;
                                areaUnitId: string | null;
                                unitId: string | null;
                                unitType: string | null;
                                note: string | null;
                                active: boolean;
                                createdAt: string;
                                updatedAt: string;
                                updatedBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a dispatch rule
         * @description Exactly one of unitId (a fixed unit) and unitType (the unit of that type the case's place belongs to). Admins write any rule; a dispatcher only rules whose area lies in their unit’s subtree (a dispatcher at the city root: any). This API instance dispatches new cases with the changed catalogue at once; other instances within their reference refresh interval (a minute). Cases already open are not re-dispatched.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description default: a generated dr-… id */
                        id?: string;
                        /** @description the category the rule covers, with every category below it */
                        categoryId: string;
                        /** @description the area the rule covers: this unit and everything below it; null or absent: anywhere */
                        areaUnitId?: string | null;
                        /** @description send to this unit (exactly one of unitId and unitType) */
                        unitId?: string | null;
                        /** @description send to the unit of this type that the case's place belongs to, e.g. street: the place's street office */
                        unitType?: ("district" | "street" | "community" | "grid") | null;
                        note?: string | null;
                        /** @description default true; an inactive rule is kept but never matches */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            categoryId: string;
                            areaUnitId: string | null;
                            unitId: string | null;
                            unitType: string | null;
                            note: string | null;
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                            updatedBy: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dispatch-rules/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview: which rules match a case of this category at this place, and whether it would be dispatched at intake
         * @description A case is dispatched automatically when its matching rules name exactly one unit (the most specific rule is reported); with none or several it waits for a dispatcher. A case sent to a street copies the street’s district.
         */
        get: {
            parameters: {
                query: {
                    categoryId: string;
                    /** @description the case's place; absent: a case without a place */
                    areaUnitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categoryId: string;
                            areaUnitId: string | null;
                            candidates: {
                                ruleId: string;
                                unitId: string;
                                unitType: string | null;
                            }[];
                            autoDispatch: boolean;
                            dispatch: {
                                unitId: string;
                                ruleId: string;
                                copyTo: string[];
                            } | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dispatch-rules/{ruleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dispatch rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            categoryId: string;
                            areaUnitId: string | null;
                            unitId: string | null;
                            unitType: string | null;
                            note: string | null;
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                            updatedBy: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /**
         * Replace a dispatch rule’s fields
         * @description Fields left out are cleared (note, area) or reset (active: true). A dispatcher needs both the old and the new area in their subtree. Admins write any rule; a dispatcher only rules whose area lies in their unit’s subtree (a dispatcher at the city root: any). This API instance dispatches new cases with the changed catalogue at once; other instances within their reference refresh interval (a minute). Cases already open are not re-dispatched.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the category the rule covers, with every category below it */
                        categoryId: string;
                        /** @description the area the rule covers: this unit and everything below it; null or absent: anywhere */
                        areaUnitId?: string | null;
                        /** @description send to this unit (exactly one of unitId and unitType) */
                        unitId?: string | null;
                        /** @description send to the unit of this type that the case's place belongs to, e.g. street: the place's street office */
                        unitType?: ("district" | "street" | "community" | "grid") | null;
                        note?: string | null;
                        /** @description default true; an inactive rule is kept but never matches */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            categoryId: string;
                            areaUnitId: string | null;
                            unitId: string | null;
                            unitType: string | null;
                            note: string | null;
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                            updatedBy: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a dispatch rule (to pause one, set active: false instead)
         * @description Admins write any rule; a dispatcher only rules whose area lies in their unit’s subtree (a dispatcher at the city root: any). This API instance dispatches new cases with the changed catalogue at once; other instances within their reference refresh interval (a minute). Cases already open are not re-dispatched.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The official working-day calendars: each region with its loaded years and where their dates come from
         * @description A year that is not loaded counts as plain weekdays and weekends: its public holidays would count as working days.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                region: string;
                                name: string;
                                timeZone: string;
                                utcOffsetMinutes: number;
                                workingHours: {
                                    start: string;
                                    end: string;
                                }[];
                                updatedAt: string;
                                years: {
                                    year: number;
                                    source: string;
                                    /** @description how many holidays the year lists */
                                    holidays: number;
                                    /** @description how many make-up working days the year lists */
                                    workdays: number;
                                    updatedAt: string;
                                    updatedBy: string | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendars/{region}/deadline-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * When a clock would be due: the due and yellow instants on a region’s calendar, and the holidays and make-up days it crosses
         * @description For a start instant (default now) and a clock: a length (`amount` + `unit` [+ `endOfDay`]) or a clock of the policy in force (`clock` + `slaClass` or `categoryId`). Counts exactly as a case’s clock started at that instant (its yellow at the policy’s yellowRatio), on the region’s stored calendar.
         */
        get: {
            parameters: {
                query?: {
                    /** @description When the clock starts (RFC 3339 with an offset); default: now */
                    start?: string;
                    /** @description The length, in `unit`s */
                    amount?: string;
                    unit?: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                    /** @description working_days only: due at the end of the last working period of the last day */
                    endOfDay?: "true" | "false";
                    /** @description A clock of the policy in force, for the deadline class given by slaClass or categoryId */
                    clock?: "signFor" | "contact" | "reply" | "callback";
                    slaClass?: "emergency" | "utilities" | "urgent" | "general" | "complex";
                    /** @description A category: its deadline class */
                    categoryId?: string;
                };
                header?: never;
                path: {
                    /** @description the calendar's region, e.g. CN */
                    region: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            region: string;
                            /** @description RFC 3339, UTC */
                            start: string;
                            /** @description The length counted */
                            spec: {
                                amount: number;
                                /** @enum {string} */
                                unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                endOfDay: boolean;
                            };
                            /** @description Where the length came from: the query, or a clock of the policy in force */
                            source: {
                                /** @enum {string} */
                                kind: "given";
                            } | {
                                /** @enum {string} */
                                kind: "policy";
                                policyVersion: number;
                                /** @enum {string} */
                                slaClass: "emergency" | "utilities" | "urgent" | "general" | "complex";
                                /** @enum {string} */
                                clock: "signFor" | "contact" | "reply" | "callback";
                                categoryId?: string;
                            };
                            /**
                             * @description working days or working hours on the calendar, or the wall clock (holidays do not move it)
                             * @enum {string}
                             */
                            counting: "working_days" | "working_hours" | "wall_clock";
                            /** @description RFC 3339, UTC */
                            dueAt: string;
                            /** @description When the yellow warning would fire */
                            yellowAt: string;
                            yellowRatio: number;
                            /** @description The policy in force, whose yellowRatio applies */
                            policyVersion: number;
                            utcOffsetMinutes: number;
                            local: {
                                /** @description 'YYYY-MM-DD HH:MM' in the calendar's offset */
                                start: string;
                                /** @description 'YYYY-MM-DD HH:MM' in the calendar's offset */
                                dueAt: string;
                                /** @description 'YYYY-MM-DD HH:MM' in the calendar's offset */
                                yellowAt: string;
                            };
                            /** @description The calendar's public holidays and make-up working days (调休) from the start's local day to the due day, both included */
                            crossed: {
                                holidays: string[];
                                workdays: string[];
                            };
                            /** @description The years whose holidays the calendar lists */
                            calendarYears: number[];
                            /** @description false: the span reaches a year the calendar does not list; that year's holidays would count as working days */
                            coveredByCalendar: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendars/{region}/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One year of a region’s calendar: its public holidays and make-up working days */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the calendar's region, e.g. CN */
                    region: string;
                    year: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            region: string;
                            year: number;
                            holidays: string[];
                            workdays: string[];
                            source: string;
                            updatedAt: string;
                            updatedBy: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /**
         * Load or correct one year of a region’s calendar (admins)
         * @description Replaces the year as a whole. Every date must be a real date inside the year and listed once; no date is both a holiday and a make-up working day; make-up working days fall on a Saturday or Sunday; the holidays include weekdays. Errors name the field and index, e.g. body.workdays.1. New cases opened on this API instance count on the stored dates at once (other instances within their reference refresh interval, a minute). Cases already open keep the calendar recorded with their policy when they opened: a correction never moves a running case’s deadlines.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the calendar's region, e.g. CN */
                    region: string;
                    year: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Local dates off: every day of each public holiday block, weekend days included (as the State Council notice lists them) */
                        holidays: string[];
                        /** @description Make-up working days (调休): Saturdays or Sundays that are worked */
                        workdays: string[];
                        /** @description Where the dates come from, e.g. the State Council notice (国办发明电〔2026〕…号) */
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            region: string;
                            year: number;
                            holidays: string[];
                            workdays: string[];
                            source: string;
                            updatedAt: string;
                            updatedBy: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Case policy versions, newest first, and which one is in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activeVersion: number | null;
                            items: {
                                version: number;
                                /** @description the version new cases open under (exactly one is) */
                                active: boolean;
                                note: string | null;
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /**
         * Store a new policy version and put it in force (admins)
         * @description The body is a whole policy document without its version (the next number is given) and an optional note. Name the official calendar with calendarRegion (e.g. CN) or give an inline calendar, not both. Unknown fields are refused; errors name the field, e.g. body.clocks.general.reply.unit. A case keeps the version it opened under (its deadlines never move because a policy changed); a new version applies to cases opened after it: on this API instance at once, on others within their reference refresh interval (a minute).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        yellowRatio: number;
                        maxExtraRounds: number;
                        clocks: {
                            [key: string]: {
                                [key: string]: {
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                    /** @description working_days only: due at the end of the last working period of the last day */
                                    endOfDay?: boolean;
                                };
                            };
                        };
                        calendar?: {
                            utcOffsetMinutes: number;
                            holidays: string[];
                            workdays: string[];
                            region?: string;
                            workingHours?: {
                                start: string;
                                end: string;
                            }[];
                            years?: number[];
                        };
                        calendarRegion?: string;
                        /** @description 退单 window per deadline class; a class without one: its cases cannot be returned (reassigned instead) */
                        returnWindow?: {
                            [key: string]: {
                                amount: number;
                                /** @enum {string} */
                                unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                /** @description working_days only: due at the end of the last working period of the last day */
                                endOfDay?: boolean;
                            };
                        };
                        designateAfterReturns?: number;
                        cooperationReport?: {
                            [key: string]: {
                                amount: number;
                                /** @enum {string} */
                                unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                /** @description working_days only: due at the end of the last working period of the last day */
                                endOfDay?: boolean;
                            };
                        };
                        overdueLadder?: {
                            after: {
                                amount: number;
                                /** @enum {string} */
                                unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                /** @description working_days only: due at the end of the last working period of the last day */
                                endOfDay?: boolean;
                            };
                            level: number;
                            cityNotice?: boolean;
                        }[];
                        extension?: {
                            maxDays: number;
                            approvableWithoutSupervisor: number;
                        };
                        callbackMaxAttempts?: number;
                        reviewWindow?: {
                            amount: number;
                            /** @enum {string} */
                            unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                            /** @description working_days only: due at the end of the last working period of the last day */
                            endOfDay?: boolean;
                        };
                        ratingWindow?: {
                            amount: number;
                            /** @enum {string} */
                            unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                            /** @description working_days only: due at the end of the last working period of the last day */
                            endOfDay?: boolean;
                        };
                        /** @description the hotline centre's unit: the callback clock's owner (its warnings and overdue ladder); absent: the city platform */
                        centreUnitId?: string;
                        repeats?: {
                            window: {
                                amount: number;
                                /** @enum {string} */
                                unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                /** @description working_days only: due at the end of the last working period of the last day */
                                endOfDay?: boolean;
                            };
                            distanceMeters: number;
                            cards: {
                                count: number;
                                /** @enum {string} */
                                card: "yellow" | "orange" | "red";
                                level: number;
                            }[];
                        };
                        intake?: {
                            receivedAtMaxAge: {
                                amount: number;
                                /** @enum {string} */
                                unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                /** @description working_days only: due at the end of the last working period of the last day */
                                endOfDay?: boolean;
                            };
                            receivedAtClockSkew: {
                                amount: number;
                                /** @enum {string} */
                                unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                /** @description working_days only: due at the end of the last working period of the last day */
                                endOfDay?: boolean;
                            };
                        };
                        /** @description why this version (kept with it) */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description the version new cases open under (exactly one is) */
                            active: boolean;
                            note: string | null;
                            createdAt: string;
                            /** @description the stored document; a calendarRegion is resolved to that region’s official calendar when a case opens */
                            document: {
                                version: number;
                                yellowRatio: number;
                                maxExtraRounds: number;
                                clocks: {
                                    [key: string]: {
                                        [key: string]: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                            /** @description working_days only: due at the end of the last working period of the last day */
                                            endOfDay?: boolean;
                                        };
                                    };
                                };
                                calendar?: {
                                    utcOffsetMinutes: number;
                                    holidays: string[];
                                    workdays: string[];
                                    region?: string;
                                    workingHours?: {
                                        start: string;
                                        end: string;
                                    }[];
                                    years?: number[];
                                };
                                calendarRegion?: string;
                                /** @description 退单 window per deadline class; a class without one: its cases cannot be returned (reassigned instead) */
                                returnWindow?: {
                                    [key: string]: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                };
                                designateAfterReturns?: number;
                                cooperationReport?: {
                                    [key: string]: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                };
                                overdueLadder?: {
                                    after: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                    level: number;
                                    cityNotice?: boolean;
                                }[];
                                extension?: {
                                    maxDays: number;
                                    approvableWithoutSupervisor: number;
                                };
                                callbackMaxAttempts?: number;
                                reviewWindow?: {
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                    /** @description working_days only: due at the end of the last working period of the last day */
                                    endOfDay?: boolean;
                                };
                                ratingWindow?: {
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                    /** @description working_days only: due at the end of the last working period of the last day */
                                    endOfDay?: boolean;
                                };
                                /** @description the hotline centre's unit: the callback clock's owner (its warnings and overdue ladder); absent: the city platform */
                                centreUnitId?: string;
                                repeats?: {
                                    window: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                    distanceMeters: number;
                                    cards: {
                                        count: number;
                                        /** @enum {string} */
                                        card: "yellow" | "orange" | "red";
                                        level: number;
                                    }[];
                                };
                                intake?: {
                                    receivedAtMaxAge: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                    receivedAtClockSkew: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                };
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The policy version in force (new cases open under it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description the version new cases open under (exactly one is) */
                            active: boolean;
                            note: string | null;
                            createdAt: string;
                            /** @description the stored document; a calendarRegion is resolved to that region’s official calendar when a case opens */
                            document: {
                                version: number;
                                yellowRatio: number;
                                maxExtraRounds: number;
                                clocks: {
                                    [key: string]: {
                                        [key: string]: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                            /** @description working_days only: due at the end of the last working period of the last day */
                                            endOfDay?: boolean;
                                        };
                                    };
                                };
                                calendar?: {
                                    utcOffsetMinutes: number;
                                    holidays: string[];
                                    workdays: string[];
                                    region?: string;
                                    workingHours?: {
                                        start: string;
                                        end: string;
                                    }[];
                                    years?: number[];
                                };
                                calendarRegion?: string;
                                /** @description 退单 window per deadline class; a class without one: its cases cannot be returned (reassigned instead) */
                                returnWindow?: {
                                    [key: string]: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                };
                                designateAfterReturns?: number;
                                cooperationReport?: {
                                    [key: string]: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                };
                                overdueLadder?: {
                                    after: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                    level: number;
                                    cityNotice?: boolean;
                                }[];
                                extension?: {
                                    maxDays: number;
                                    approvableWithoutSupervisor: number;
                                };
                                callbackMaxAttempts?: number;
                                reviewWindow?: {
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                    /** @description working_days only: due at the end of the last working period of the last day */
                                    endOfDay?: boolean;
                                };
                                ratingWindow?: {
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                    /** @description working_days only: due at the end of the last working period of the last day */
                                    endOfDay?: boolean;
                                };
                                /** @description the hotline centre's unit: the callback clock's owner (its warnings and overdue ladder); absent: the city platform */
                                centreUnitId?: string;
                                repeats?: {
                                    window: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                    distanceMeters: number;
                                    cards: {
                                        count: number;
                                        /** @enum {string} */
                                        card: "yellow" | "orange" | "red";
                                        level: number;
                                    }[];
                                };
                                intake?: {
                                    receivedAtMaxAge: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                    receivedAtClockSkew: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                };
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One policy version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description the version new cases open under (exactly one is) */
                            active: boolean;
                            note: string | null;
                            createdAt: string;
                            /** @description the stored document; a calendarRegion is resolved to that region’s official calendar when a case opens */
                            document: {
                                version: number;
                                yellowRatio: number;
                                maxExtraRounds: number;
                                clocks: {
                                    [key: string]: {
                                        [key: string]: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                            /** @description working_days only: due at the end of the last working period of the last day */
                                            endOfDay?: boolean;
                                        };
                                    };
                                };
                                calendar?: {
                                    utcOffsetMinutes: number;
                                    holidays: string[];
                                    workdays: string[];
                                    region?: string;
                                    workingHours?: {
                                        start: string;
                                        end: string;
                                    }[];
                                    years?: number[];
                                };
                                calendarRegion?: string;
                                /** @description 退单 window per deadline class; a class without one: its cases cannot be returned (reassigned instead) */
                                returnWindow?: {
                                    [key: string]: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                };
                                designateAfterReturns?: number;
                                cooperationReport?: {
                                    [key: string]: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                };
                                overdueLadder?: {
                                    after: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                    level: number;
                                    cityNotice?: boolean;
                                }[];
                                extension?: {
                                    maxDays: number;
                                    approvableWithoutSupervisor: number;
                                };
                                callbackMaxAttempts?: number;
                                reviewWindow?: {
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                    /** @description working_days only: due at the end of the last working period of the last day */
                                    endOfDay?: boolean;
                                };
                                ratingWindow?: {
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                    /** @description working_days only: due at the end of the last working period of the last day */
                                    endOfDay?: boolean;
                                };
                                /** @description the hotline centre's unit: the callback clock's owner (its warnings and overdue ladder); absent: the city platform */
                                centreUnitId?: string;
                                repeats?: {
                                    window: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                    distanceMeters: number;
                                    cards: {
                                        count: number;
                                        /** @enum {string} */
                                        card: "yellow" | "orange" | "red";
                                        level: number;
                                    }[];
                                };
                                intake?: {
                                    receivedAtMaxAge: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                    receivedAtClockSkew: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "seconds" | "minutes" | "hours" | "days" | "working_days" | "working_hours";
                                        /** @description working_days only: due at the end of the last working period of the last day */
                                        endOfDay?: boolean;
                                    };
                                };
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cases in the caller's scope (newest first, cursor pagination); personal data masked */
        get: {
            parameters: {
                query?: {
                    status?: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                    unitId?: string;
                    /** @description cases whose unit (before dispatch: whose place) is this unit or lies below it: within=d01, the cases of district d01 and its streets */
                    within?: string;
                    categoryId?: string;
                    warningLevel?: "none" | "yellow" | "red";
                    /** @description cases supervised (督办) at this escalation level or above: 1 unit leader, 2 district, 3 city */
                    minEscalationLevel?: number;
                    /** @description cases whose warning light is this colour (the same as warningLevel) */
                    warning?: "yellow" | "red";
                    /** @description true: a running clock is past its deadline (next due time before now); false: none is (or no clock runs) */
                    overdue?: "true" | "false";
                    /** @description unsatisfied: closed unsatisfied after the last allowed round (办理不满意专区), with each round; review: the third-party review queue (closed unsatisfied or disputed, not yet reviewed) */
                    zone?: "unsatisfied" | "review";
                    createdFrom?: string;
                    createdTo?: string;
                    /** @description newest first (default), or oldest first (a work queue: the case waiting longest on top); a cursor continues in the order it was given in */
                    order?: "newest" | "oldest";
                    limit?: number;
                    /** @description nextCursor of the previous page, as it was given */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                                title: string;
                                /** @enum {string} */
                                channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                                categoryId: string;
                                slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                                unitId: string | null;
                                round: number;
                                escalationLevel: number;
                                /** @enum {string} */
                                warningLevel: "none" | "yellow" | "red";
                                replyDueAt: string | null;
                                nextDueAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                                closedAt: string | null;
                                noContact: boolean;
                                receivedAt: string;
                                complainant: {
                                    name: string | null;
                                    phone: string | null;
                                };
                                seq: number;
                                rounds: {
                                    round: number;
                                    unitId: string | null;
                                    repliedAt: string | null;
                                    callbackAt: string;
                                    contacted: boolean;
                                    resolved: boolean;
                                    /** @enum {string} */
                                    satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                }[];
                                disputed: boolean;
                                demandUnreasonable: boolean;
                                repeatCard: ("yellow" | "orange" | "red") | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Open a case from a complaint (受理)
         * @description Answers 201 once the case workflow has started. An Idempotency-Key belongs to the caller that sent it (a channel ticket number, used when no key is sent, to its channel): a repeat answers 200 with the same case as GET /v1/cases/{id} would answer this caller (404 if they may not read it); the same key with another complaint answers 422.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description: string;
                        categoryId: string;
                        /** @enum {string} */
                        channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                        /** @description The channel's own ticket number; used as the idempotency key when no header is sent */
                        channelTicketId?: string;
                        /** @description Who complained. Leave it out for an anonymous complaint, an item a grid worker found or a monitoring item. Without a phone nobody can be reached: no acceptance notice, no contact step, no callback; the case closes after the reply (outcome no_contact) and does not count in the satisfaction rates. */
                        complainant?: {
                            name?: string;
                            phone?: string;
                        };
                        location?: {
                            address?: string;
                            areaUnitId?: string;
                            lat?: number;
                            lng?: number;
                        };
                        /** @description Answered at intake without dispatch: the case is recorded closed with this outcome */
                        triage?: {
                            /** @enum {string} */
                            outcome: "consultation";
                            /** @description The answer given on the spot */
                            note: string;
                        } | {
                            /** @enum {string} */
                            outcome: "emergency_transfer";
                            /**
                             * @description 110 police, 119 fire, 120 ambulance, 122 traffic
                             * @enum {string}
                             */
                            service: "110" | "119" | "120" | "122";
                            /** @description What the caller was told */
                            note: string;
                        } | {
                            /** @enum {string} */
                            outcome: "referred";
                            /** @description The legal channel, e.g. 劳动仲裁, 法院, 信访 */
                            referredTo: string;
                            /** @description What the caller was told */
                            note: string;
                        } | {
                            /** @enum {string} */
                            outcome: "repeat";
                            /** @description The earlier case this call repeats with nothing new */
                            linkedCaseId: string;
                            /** @description What the caller was told */
                            note: string;
                        } | {
                            /** @enum {string} */
                            outcome: "out_of_scope";
                            /** @description Why the demand is outside what the hotline handles */
                            note: string;
                        };
                        /**
                         * Format: date-time
                         * @description When the complaint was received, when that was before this request (a telephony or channel system handing it over late). Not in the future (beyond the policy's intake.receivedAtClockSkew) nor older than intake.receivedAtMaxAge. The clocks that start at intake count from it; the case records who stated it.
                         */
                        receivedAt?: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One case, as its workflow sees it now
         * @description Staff: the case view, personal data in clear only for those handling the case. A complainant (X-Case-Code) is answered the plain-language view of GET /v1/public/cases/{number}, nothing more.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        } | {
                            caseNumber: string;
                            /** @description the complaint as it was recorded */
                            title: string;
                            category: string | null;
                            /** @description ISO 8601, UTC */
                            submittedAt: string;
                            /** @description the same instant as people read it, in local time: 2026年3月9日 17:30 */
                            submittedTime: string;
                            /**
                             * @description stable code of where the case is
                             * @enum {string}
                             */
                            stage: "received" | "redispatching" | "dispatched" | "handling" | "on_hold" | "replied" | "closed";
                            /** @description where the case is, in plain Chinese */
                            status: string;
                            /** @description the name of the unit that has the case */
                            handlingUnit: string | null;
                            /** @description what happened, oldest first */
                            steps: {
                                /**
                                 * @description stable code of the step
                                 * @enum {string}
                                 */
                                step: "received" | "dispatched" | "reassigned" | "returned" | "rehandling" | "accepted" | "contacted" | "on_hold" | "resumed" | "deadline_extended" | "replied" | "callback_attempted" | "callback" | "triaged" | "rated" | "closed";
                                /** @description the step in plain Chinese: 已受理, 已派发至 <unit>, 已签收, 已联系您, 已答复 … */
                                text: string;
                                /** @description ISO 8601, UTC */
                                at: string;
                                /** @description the same instant as people read it, in local time: 2026年3月9日 17:30 */
                                time: string;
                            }[];
                            /** @description what the citizen can expect next, and by when */
                            deadlines: {
                                /** @enum {string} */
                                kind: "contact" | "reply" | "callback";
                                text: string;
                                /** @description ISO 8601, UTC */
                                dueAt: string;
                                /** @description the same instant as people read it, in local time: 2026年3月9日 17:30 */
                                time: string;
                            }[];
                            /** @description the unit's latest reply, once it has replied */
                            reply: {
                                content: string;
                                /** @description ISO 8601, UTC */
                                at: string;
                                /** @description the same instant as people read it, in local time: 2026年3月9日 17:30 */
                                time: string;
                            } | null;
                            /** @description the online rating (好差评): once, after the reply, inside the rating window */
                            rating: {
                                /** @description whether POST …/rating would be taken now */
                                possible: boolean;
                                until: string | null;
                                untilTime: string | null;
                                text: string;
                                given: {
                                    /** @enum {string} */
                                    satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                    resolved: boolean;
                                    comment: string | null;
                                    /** @description ISO 8601, UTC */
                                    at: string;
                                } | null;
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case timeline (who, what, when, why), in sequence order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            items: {
                                seq: number;
                                /** @enum {string} */
                                type: "received" | "dispatched" | "accepted" | "returned" | "contacted" | "progress_noted" | "replied" | "callback_recorded" | "rehandling_started" | "closed" | "escalated" | "reassigned" | "urged" | "triaged" | "cooperation_accepted" | "cooperation_reported" | "cooperation_overdue" | "overdue_step" | "extension_requested" | "extension_decided" | "held" | "hold_review_due" | "resumed" | "callback_attempted" | "disputed" | "reviewed" | "terminated" | "repeat_linked" | "repeat_card_raised" | "rated" | "warning_raised" | "signal_ignored" | "action_refused";
                                at: string;
                                actor: {
                                    id: string;
                                    role: string;
                                };
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The actions the caller may take on the case now (for a console: only these are offered)
         * @description Each action the access table grants the caller on this case that the case's rules take in its present state (the same checks its Update validators run, with the payload left aside), with its route. A case whose workflow has ended takes none. Staff only.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            /** @enum {string} */
                            source: "workflow" | "record";
                            actions: {
                                /** @enum {string} */
                                action: "dispatch" | "accept" | "return" | "contact" | "progress" | "reply" | "callback" | "escalate" | "reassign" | "urge" | "triage" | "cooperate" | "report" | "request_extension" | "decide_extension" | "hold" | "resume" | "dispute" | "review" | "terminate";
                                /** @description The role that grants it (the timeline records the action under it) */
                                role: string;
                                /** @description POST /v1/cases/{id}/<path>, with the body schema of that route */
                                path: string;
                                /**
                                 * @description update: answered 200 with the case; signal: 202
                                 * @enum {string}
                                 */
                                message: "update" | "signal";
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dispatch (派单) to a unit
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The unit that handles the case (the lead, in joint handling) */
                        unitId: string;
                        note?: string;
                        /** @description Cooperating units (协办): each signs for its part and reports to the lead within its own deadline */
                        cooperating?: string[];
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The unit signs for the case (签收)
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The unit returns the case to the dispatcher (退单)
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        reason: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                        note: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record contact with the complainant (联系)
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        method: "phone" | "on_site" | "sms" | "online";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a progress note (办理进展)
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply with the handling result (回复)
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                        resolved: boolean;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the callback survey (回访); closes the case or starts another round
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description reached, or a failed attempt: no_answer, refused, wrong_number
                         * @default reached
                         * @enum {string}
                         */
                        outcome?: "reached" | "no_answer" | "refused" | "wrong_number";
                        /** @description Did the unit contact you? (reached only) */
                        contacted?: boolean;
                        resolved?: boolean;
                        /** @enum {string} */
                        satisfaction?: "satisfied" | "basically_satisfied" | "unsatisfied";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/triage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the case without dispatch (consultation, emergency transfer, referral, repeat, out of scope) and close it
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "consultation";
                        /** @description The answer given on the spot */
                        note: string;
                    } | {
                        /** @enum {string} */
                        outcome: "emergency_transfer";
                        /**
                         * @description 110 police, 119 fire, 120 ambulance, 122 traffic
                         * @enum {string}
                         */
                        service: "110" | "119" | "120" | "122";
                        /** @description What the caller was told */
                        note: string;
                    } | {
                        /** @enum {string} */
                        outcome: "referred";
                        /** @description The legal channel, e.g. 劳动仲裁, 法院, 信访 */
                        referredTo: string;
                        /** @description What the caller was told */
                        note: string;
                    } | {
                        /** @enum {string} */
                        outcome: "repeat";
                        /** @description The earlier case this call repeats with nothing new */
                        linkedCaseId: string;
                        /** @description What the caller was told */
                        note: string;
                    } | {
                        /** @enum {string} */
                        outcome: "out_of_scope";
                        /** @description Why the demand is outside what the hotline handles */
                        note: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/cooperate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A cooperating unit (协办) signs for its part of a joint case
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A cooperating unit reports its part to the lead unit
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The cooperating unit's report of its part, for the lead unit */
                        content: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/extension-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The unit asks for more working days on the reply deadline (延期), before it passes
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Working days wanted: at most the case's policy `extension.maxDays` (10 by default; more answers 409 naming the limit) */
                        days: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/extension-requests/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or deny the pending extension request (the unit's leader or a dispatcher; beyond the first, a supervisor)
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        approve: boolean;
                        note: string;
                        /** @description Grant fewer working days than asked */
                        days?: number;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put the case on hold (挂账): every running clock pauses; reminders go out on the review dates
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the problem cannot be solved now (seasonal, needs construction, policy) */
                        reason: string;
                        /** @description When to review the hold: a reminder goes out on each */
                        reviewDates: string[];
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take the case off hold: the clocks restart with the time paused given back
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/dispute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The case's unit disputes an unsatisfied result: the case goes to the third-party review queue
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Third-party review (第三方评价) of an unsatisfied or disputed case: is the demand reasonable, was the handling compliant
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        demandReasonable: boolean;
                        handlingCompliant: boolean;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 终止办理: end a case whose review found the demand unreasonable (repeated identical demand, or outside law and policy)
         * @description Answers 200 with the case after the action, or 409 with the case state when the action does not fit it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        grounds: "repeated_identical_demand" | "outside_law_and_policy";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description A case as staff see it. It never carries the complainant's verification code: the code goes to the complainant alone, with the acceptance notice (受理告知) the notification channel sends them (an SMS gateway behind the webhook), and again with POST /v1/cases/{id}/verification-code/resend. With the case number it opens /v1/public/cases/{number} (X-Case-Code). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                            outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                            channelTicketId: string | null;
                            categoryId: string;
                            slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                            policyVersion: number | null;
                            unitId: string | null;
                            round: number;
                            escalationLevel: number;
                            /** @enum {string} */
                            warningLevel: "none" | "yellow" | "red";
                            replyDueAt: string | null;
                            clocks: {
                                [key: string]: {
                                    /** @enum {string} */
                                    name: "signFor" | "contact" | "reply" | "callback";
                                    startedAt: string;
                                    dueAt: string;
                                    yellowAt: string;
                                    stoppedAt?: string;
                                    yellowFiredAt?: string;
                                    redFiredAt?: string;
                                    /** @enum {string} */
                                    result?: "met" | "breached" | "cancelled";
                                    pausedAt?: string;
                                    pausedMs?: number;
                                    extendedBy?: number;
                                    ladderStep?: number;
                                };
                            };
                            dispatchCount: number;
                            returnCount: number;
                            reassignCount: number;
                            dispatches: {
                                unitId: string;
                                /** @enum {string} */
                                kind: "dispatch" | "catalogue" | "designation" | "reassignment" | "rehandling";
                                at: string;
                                by: string;
                                round: number;
                                ruleId?: string;
                                cooperating?: string[];
                                returnedAt?: string;
                                /** @enum {string} */
                                returnReason?: "not_our_duty" | "wrong_area" | "duplicate" | "insufficient_information" | "other";
                            }[];
                            designatedUnitId: string | null;
                            returnDueAt: string | null;
                            copiedUnitIds: string[];
                            cooperation: {
                                unitId: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "reported";
                                requestedAt: string;
                                dueAt: string;
                                acceptedAt?: string;
                                reportedAt?: string;
                                report?: string;
                                overdueAt?: string;
                                late?: boolean;
                            }[];
                            owing: string[];
                            triage: {
                                /** @enum {string} */
                                outcome: "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope";
                                note: string;
                                /** @enum {string} */
                                service?: "110" | "119" | "120" | "122";
                                referredTo?: string;
                                linkedCaseId?: string;
                                linkedStatus?: string;
                            } | null;
                            nextDueAt: string | null;
                            hold: {
                                reason: string;
                                since: string;
                                /** @enum {string} */
                                fromStatus: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                reviewDates: string[];
                                reviewsSent: number;
                                by: string;
                            } | null;
                            extensions: {
                                n: number;
                                requestedAt: string;
                                requestedBy: string;
                                days: number;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                decidedAt?: string;
                                decidedBy?: string;
                                decidedRole?: string;
                                note?: string;
                                previousDueAt?: string;
                                newDueAt?: string;
                            }[];
                            callbackAttempts: {
                                at: string;
                                by: string;
                                round: number;
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "refused" | "wrong_number";
                                note?: string;
                            }[];
                            rounds: {
                                round: number;
                                unitId: string | null;
                                repliedAt: string | null;
                                callbackAt: string;
                                contacted: boolean;
                                resolved: boolean;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            }[];
                            disputed: boolean;
                            review: {
                                at: string;
                                by: string;
                                demandReasonable: boolean;
                                handlingCompliant: boolean;
                                reason: string;
                            } | null;
                            demandUnreasonable: boolean;
                            masterCaseId: string | null;
                            repeatCount: number;
                            linkedCaseIds: string[];
                            repeatCard: ("yellow" | "orange" | "red") | null;
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            rating: {
                                at: string;
                                /** @enum {string} */
                                satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                resolved: boolean;
                                comment?: string;
                            } | null;
                            complainant: {
                                name: string | null;
                                phone: string | null;
                            };
                            noContact: boolean;
                            location: {
                                address?: string;
                                areaUnitId?: string;
                                lat?: number;
                                lng?: number;
                            } | null;
                            receivedAt: string;
                            receivedAtStatedBy: {
                                id: string;
                                role: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            seq: number;
                            /** @enum {string} */
                            source: "workflow" | "record";
                            piiMasked: boolean;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Escalate (督办) to a higher supervision level
         * @description Checked against the case state (409 if it does not fit), then delivered to the case; answers 202.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        level?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @enum {string} */
                            action: "escalate" | "reassign" | "urge";
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reassign (改派) to another unit
         * @description Checked against the case state (409 if it does not fit), then delivered to the case; answers 202.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        unitId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @enum {string} */
                            action: "escalate" | "reassign" | "urge";
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/urge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Urge (催办) the unit that has the case, with a note; the unit is sent a notice
         * @description Checked against the case state (409 if it does not fit), then delivered to the case; answers 202.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                        /** @description A cooperating unit that owes its part; default: the unit that has the case */
                        unitId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @enum {string} */
                            action: "escalate" | "reassign" | "urge";
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repeats/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Likely repeats (并单) of a complaint being typed, before it is opened: the master it would join and earlier cases with the same demand
         * @description The intake's own search and rules (same category, and the same place, nearby coordinates or the same phone, inside the policy's window), for those who open cases. A POST so the phone never travels in a URL. Only cases the caller may read; no complainant data.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categoryId: string;
                        location?: {
                            address?: string;
                            areaUnitId?: string;
                            lat?: number;
                            lng?: number;
                        };
                        /** @description Who complained. Leave it out for an anonymous complaint, an item a grid worker found or a monitoring item. Without a phone nobody can be reached: no acceptance notice, no contact step, no callback; the case closes after the reply (outcome no_contact) and does not count in the satisfaction rates. */
                        complainant?: {
                            name?: string;
                            phone?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The master the complaint would be linked to if it were opened now; null: none */
                            masterCaseId: string | null;
                            items: {
                                id: string;
                                /** @enum {string} */
                                status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                                title: string;
                                categoryId: string;
                                unitId: string | null;
                                areaUnitId: string | null;
                                createdAt: string;
                                closedAt: string | null;
                                /** @description The master of the group this case was linked to (并单) */
                                masterCaseId: string | null;
                                /** @description On a master: complaints in its group, itself included */
                                repeatCount: number;
                                repeatCard: ("yellow" | "orange" | "red") | null;
                                /** @enum {string} */
                                relation: "master" | "match";
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Related cases (并单): the master of its repeat group, the members, and earlier cases with the same demand
         * @description The case must be in the caller's scope; related cases the caller may not read are left out. No complainant data. groupComplaint: the group complaint (群体诉求) the analysis watch flagged on its category and place whose window holds the case, looked up now.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description The flagged group complaint (群体诉求) the case is part of — many complainants on its category and place — beside its repeat group; null: none */
                            groupComplaint?: {
                                /** @description the stored alert (GET /v1/analysis/alerts) */
                                alertId: number;
                                categoryId: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    unitId: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the policy’s number of complainants */
                                detectedAt: string;
                                /** @description distinct complainants when it was flagged */
                                complainants: number;
                                /** @description the cases it was flagged with */
                                caseIds: string[];
                                /** @description true: this case is one it was flagged with; false: it joined later (same category and place, inside the window) */
                                listed: boolean;
                            } | null;
                            /** @description The master of the case's group (the case itself when it is one); null when it is in no group */
                            masterCaseId: string | null;
                            items: {
                                id: string;
                                /** @enum {string} */
                                status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                                title: string;
                                categoryId: string;
                                unitId: string | null;
                                areaUnitId: string | null;
                                createdAt: string;
                                closedAt: string | null;
                                /** @description The master of the group this case was linked to (并单) */
                                masterCaseId: string | null;
                                /** @description On a master: complaints in its group, itself included */
                                repeatCount: number;
                                repeatCard: ("yellow" | "orange" | "red") | null;
                                /**
                                 * @description master: the group's master; member: linked to the same master; match: an earlier case with the same demand (closed ones included)
                                 * @enum {string}
                                 */
                                relation: "master" | "member" | "match";
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repeats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open masters of repeat complaints, hottest first, with their count and card (yellow 3, orange 4, red 5+ by default) */
        get: {
            parameters: {
                query?: {
                    /** @description masters whose group earned this card */
                    card?: "yellow" | "orange" | "red";
                    limit?: number;
                    /** @description nextCursor of the previous page, as it was given */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                                title: string;
                                categoryId: string;
                                unitId: string | null;
                                areaUnitId: string | null;
                                createdAt: string;
                                closedAt: string | null;
                                /** @description The master of the group this case was linked to (并单) */
                                masterCaseId: string | null;
                                /** @description On a master: complaints in its group, itself included */
                                repeatCount: number;
                                repeatCard: ("yellow" | "orange" | "red") | null;
                                escalationLevel: number;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/cases/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A case’s progress in plain language, for the complainant (case number + X-Case-Code)
         * @description The complainant received the 8-digit verification code with the acceptance notice (受理告知). A missing or wrong code answers 404 exactly like a case that does not exist. An address that sent too many wrong codes (for this case or any) gets 429 with Retry-After before its code is checked, whether or not the case exists.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The 8-digit verification code from the acceptance notice (受理告知) the complainant received */
                    "x-case-code"?: string;
                };
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A case's progress for its complainant: no staff, no unit ids, no internal notes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNumber: string;
                            /** @description the complaint as it was recorded */
                            title: string;
                            category: string | null;
                            /** @description ISO 8601, UTC */
                            submittedAt: string;
                            /** @description the same instant as people read it, in local time: 2026年3月9日 17:30 */
                            submittedTime: string;
                            /**
                             * @description stable code of where the case is
                             * @enum {string}
                             */
                            stage: "received" | "redispatching" | "dispatched" | "handling" | "on_hold" | "replied" | "closed";
                            /** @description where the case is, in plain Chinese */
                            status: string;
                            /** @description the name of the unit that has the case */
                            handlingUnit: string | null;
                            /** @description what happened, oldest first */
                            steps: {
                                /**
                                 * @description stable code of the step
                                 * @enum {string}
                                 */
                                step: "received" | "dispatched" | "reassigned" | "returned" | "rehandling" | "accepted" | "contacted" | "on_hold" | "resumed" | "deadline_extended" | "replied" | "callback_attempted" | "callback" | "triaged" | "rated" | "closed";
                                /** @description the step in plain Chinese: 已受理, 已派发至 <unit>, 已签收, 已联系您, 已答复 … */
                                text: string;
                                /** @description ISO 8601, UTC */
                                at: string;
                                /** @description the same instant as people read it, in local time: 2026年3月9日 17:30 */
                                time: string;
                            }[];
                            /** @description what the citizen can expect next, and by when */
                            deadlines: {
                                /** @enum {string} */
                                kind: "contact" | "reply" | "callback";
                                text: string;
                                /** @description ISO 8601, UTC */
                                dueAt: string;
                                /** @description the same instant as people read it, in local time: 2026年3月9日 17:30 */
                                time: string;
                            }[];
                            /** @description the unit's latest reply, once it has replied */
                            reply: {
                                content: string;
                                /** @description ISO 8601, UTC */
                                at: string;
                                /** @description the same instant as people read it, in local time: 2026年3月9日 17:30 */
                                time: string;
                            } | null;
                            /** @description the online rating (好差评): once, after the reply, inside the rating window */
                            rating: {
                                /** @description whether POST …/rating would be taken now */
                                possible: boolean;
                                until: string | null;
                                untilTime: string | null;
                                text: string;
                                given: {
                                    /** @enum {string} */
                                    satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                    resolved: boolean;
                                    comment: string | null;
                                    /** @description ISO 8601, UTC */
                                    at: string;
                                } | null;
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/cases/{number}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The complainant rates the handling online (好差评): once, after the reply, inside the rating window
         * @description Answers 201 with the rating; 409 with the case state when the case has not been replied to, was already rated or the rating window has closed. Credentials as for GET /v1/public/cases/{number} (404 when they do not match).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The 8-digit verification code from the acceptance notice (受理告知) the complainant received */
                    "x-case-code"?: string;
                };
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                        resolved: boolean;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNumber: string;
                            /** @enum {string} */
                            satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                            resolved: boolean;
                            comment: string | null;
                            /** @description ISO 8601, UTC */
                            at: string;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/verification-code/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the complainant their verification code again (intake agents, for a caller who lost it)
         * @description Queues a fresh notice (kind code_resend) to the complainant’s phone, to which the deliverer adds the code; the answer does not contain it: staff never see a verification code. At most once per 10 minutes per case (429 with Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @description the notice queued (GET /v1/notifications shows its delivery) */
                            notificationId: number;
                            /** @enum {string} */
                            kind: "code_resend";
                            /** @enum {string} */
                            recipient: "complainant";
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Notices the cases sent (warnings, copies, escalations, 受理告知), newest first, with their delivery attempts
         * @description Only the notices of cases in the caller's scope (as GET /v1/cases lists them); free text masked.
         */
        get: {
            parameters: {
                query?: {
                    /** @description one case's notices */
                    caseId?: string;
                    /** @description pending: not yet delivered (maybe waiting for a retry); delivered; failed: given up */
                    status?: "pending" | "delivered" | "failed";
                    limit?: number;
                    /** @description nextCursor of the previous page, as it was given */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description the receiver's idempotency key (X-Hotline-Notification-Id) */
                                id: number;
                                caseId: string;
                                /** @description the case event that caused it */
                                seq: number;
                                kind: string;
                                unitId: string | null;
                                /** @description the role it is for: deputy_leader, principal_leader, handler, unit_leader, district, city, complainant, … */
                                recipient: string;
                                /** @description who that was, from the unit data (never the complainant: 诉求人) */
                                recipientName: string | null;
                                message: string;
                                createdAt: string;
                                /** @enum {string} */
                                status: "pending" | "delivered" | "failed";
                                attemptCount: number;
                                /** @description pending: when the next attempt is due (null: at once) */
                                nextAttemptAt: string | null;
                                deliveredAt: string | null;
                                failedAt: string | null;
                                lastError: string | null;
                                attempts: {
                                    /** @description 1 for the first attempt */
                                    attempt: number;
                                    at: string;
                                    /** @description log or webhook */
                                    channel: string;
                                    ok: boolean;
                                    /** @description the receiver's HTTP status, when there was one */
                                    statusCode: number | null;
                                    error: string | null;
                                    durationMs: number;
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessment-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assessment policy versions, newest first, and which one is in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activeVersion: number | null;
                            items: {
                                version: number;
                                /** @description the version rankings and figures are computed with now (exactly one is) */
                                active: boolean;
                                note: string | null;
                                createdAt: string;
                                /** @description who stored it (the seed: "seed") */
                                createdBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Store a new assessment policy version and put it in force (admins)
         * @description The body is a whole document without its version (the next number is given) and an optional note. The weights must add up to 1; unknown fields are refused; errors name the field, e.g. body.ranking.minValidCallbacks. Figures and rankings are computed with the version in force when asked; a published ranking keeps the version it was computed with, so a new version never changes it (publishing the period again makes its next version).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        weights: {
                            response: number;
                            resolution: number;
                            satisfaction: number;
                        };
                        /** @description what one basically-satisfied answer counts for in the satisfaction rate */
                        basicallySatisfiedFactor: number;
                        ranking: {
                            /** @description units with fewer valid callbacks in the period are listed unranked */
                            minValidCallbacks: number;
                            /** @description how many units at the bottom of a level are flagged; 0: none */
                            bottomFlagged: number;
                        };
                        assessmentMonth: {
                            /** @description 1: the calendar month; 19: the 19th to the 18th */
                            startDay: number;
                        };
                        /**
                         * @description a callback is invalid after the case policy's callbackMaxAttempts failed attempts
                         * @enum {string}
                         */
                        invalidCallback: "case_policy_attempts";
                        /** @description why this version (kept with it) */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description the version rankings and figures are computed with now (exactly one is) */
                            active: boolean;
                            note: string | null;
                            createdAt: string;
                            /** @description who stored it (the seed: "seed") */
                            createdBy: string | null;
                            document: {
                                version: number;
                                weights: {
                                    response: number;
                                    resolution: number;
                                    satisfaction: number;
                                };
                                /** @description what one basically-satisfied answer counts for in the satisfaction rate */
                                basicallySatisfiedFactor: number;
                                ranking: {
                                    /** @description units with fewer valid callbacks in the period are listed unranked */
                                    minValidCallbacks: number;
                                    /** @description how many units at the bottom of a level are flagged; 0: none */
                                    bottomFlagged: number;
                                };
                                assessmentMonth: {
                                    /** @description 1: the calendar month; 19: the 19th to the 18th */
                                    startDay: number;
                                };
                                /**
                                 * @description a callback is invalid after the case policy's callbackMaxAttempts failed attempts
                                 * @enum {string}
                                 */
                                invalidCallback: "case_policy_attempts";
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessment-policies/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The assessment policy in force: weights, factor, minimum volume, bottom N, assessment month */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description the version rankings and figures are computed with now (exactly one is) */
                            active: boolean;
                            note: string | null;
                            createdAt: string;
                            /** @description who stored it (the seed: "seed") */
                            createdBy: string | null;
                            document: {
                                version: number;
                                weights: {
                                    response: number;
                                    resolution: number;
                                    satisfaction: number;
                                };
                                /** @description what one basically-satisfied answer counts for in the satisfaction rate */
                                basicallySatisfiedFactor: number;
                                ranking: {
                                    /** @description units with fewer valid callbacks in the period are listed unranked */
                                    minValidCallbacks: number;
                                    /** @description how many units at the bottom of a level are flagged; 0: none */
                                    bottomFlagged: number;
                                };
                                assessmentMonth: {
                                    /** @description 1: the calendar month; 19: the 19th to the 18th */
                                    startDay: number;
                                };
                                /**
                                 * @description a callback is invalid after the case policy's callbackMaxAttempts failed attempts
                                 * @enum {string}
                                 */
                                invalidCallback: "case_policy_attempts";
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessment-policies/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One assessment policy version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description the version rankings and figures are computed with now (exactly one is) */
                            active: boolean;
                            note: string | null;
                            createdAt: string;
                            /** @description who stored it (the seed: "seed") */
                            createdBy: string | null;
                            document: {
                                version: number;
                                weights: {
                                    response: number;
                                    resolution: number;
                                    satisfaction: number;
                                };
                                /** @description what one basically-satisfied answer counts for in the satisfaction rate */
                                basicallySatisfiedFactor: number;
                                ranking: {
                                    /** @description units with fewer valid callbacks in the period are listed unranked */
                                    minValidCallbacks: number;
                                    /** @description how many units at the bottom of a level are flagged; 0: none */
                                    bottomFlagged: number;
                                };
                                assessmentMonth: {
                                    /** @description 1: the calendar month; 19: the 19th to the 18th */
                                    startDay: number;
                                };
                                /**
                                 * @description a callback is invalid after the case policy's callbackMaxAttempts failed attempts
                                 * @enum {string}
                                 */
                                invalidCallback: "case_policy_attempts";
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessment-policies/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a stored assessment policy version in force again (admins)
         * @description Figures and rankings are computed with the version in force when asked; a published ranking keeps the version it was computed with, so a new version never changes it (publishing the period again makes its next version).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description the version rankings and figures are computed with now (exactly one is) */
                            active: boolean;
                            note: string | null;
                            createdAt: string;
                            /** @description who stored it (the seed: "seed") */
                            createdBy: string | null;
                            document: {
                                version: number;
                                weights: {
                                    response: number;
                                    resolution: number;
                                    satisfaction: number;
                                };
                                /** @description what one basically-satisfied answer counts for in the satisfaction rate */
                                basicallySatisfiedFactor: number;
                                ranking: {
                                    /** @description units with fewer valid callbacks in the period are listed unranked */
                                    minValidCallbacks: number;
                                    /** @description how many units at the bottom of a level are flagged; 0: none */
                                    bottomFlagged: number;
                                };
                                assessmentMonth: {
                                    /** @description 1: the calendar month; 19: the 19th to the 18th */
                                    startDay: number;
                                };
                                /**
                                 * @description a callback is invalid after the case policy's callbackMaxAttempts failed attempts
                                 * @enum {string}
                                 */
                                invalidCallback: "case_policy_attempts";
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A level’s ranking for a period: rank, score, every rate with its numerator and denominator, the change since the previous period
         * @description Units of the level (under `within`, or all) ranked by composite score with the assessment policy in force: ties share a rank (1, 1, 3); units below the policy’s minimum of valid callbacks are listed unranked after the others; the bottom N are flagged. A unit’s figures are its subtree’s (the unit and every unit below it). Analysts, supervisors and admins read every unit; a unit leader reads their unit and the units below it, and in a ranking sees only those rows, each with its rank among all peers (peers says how many; restricted: true). format=csv answers text/csv (UTF-8 with a BOM; a header block with the period, its days, the policy version and the formulas, then the table); format=xlsx a workbook with the table and a sheet 说明 About with the same. Headers are Chinese with the English beside them.
         */
        get: {
            parameters: {
                query: {
                    /** @description the unit type ranked: street, district, department, community … */
                    level: "city" | "district" | "street" | "community" | "grid" | "department";
                    /** @description day, week (ISO), month, assessment_month (the policy’s assessmentMonth), year */
                    periodKind?: "day" | "week" | "month" | "assessment_month" | "year";
                    /** @description the period’s label (an assessment month is labelled by the month it ends in); default: the last complete period in the calendar’s local time */
                    period?: string;
                    /** @description rank only the units of the level under this unit (within=d01: the streets of d01) */
                    within?: string;
                    /** @description json (default); csv: UTF-8 with a BOM and a header block (period, days, policy version, formulas); xlsx: a sheet of rows and a sheet with the period, the policy version and the formulas */
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            level: string;
                            within: string | null;
                            /** @enum {string} */
                            periodKind: "day" | "week" | "month" | "assessment_month" | "year";
                            period: string;
                            /** @description first and last local day, inclusive */
                            days: {
                                from: string;
                                to: string;
                            };
                            previous: {
                                period: string;
                                /** @description first and last local day, inclusive */
                                days: {
                                    from: string;
                                    to: string;
                                };
                            };
                            policyVersion: number;
                            policy: {
                                version: number;
                                weights: {
                                    response: number;
                                    resolution: number;
                                    satisfaction: number;
                                };
                                /** @description what one basically-satisfied answer counts for in the satisfaction rate */
                                basicallySatisfiedFactor: number;
                                ranking: {
                                    /** @description units with fewer valid callbacks in the period are listed unranked */
                                    minValidCallbacks: number;
                                    /** @description how many units at the bottom of a level are flagged; 0: none */
                                    bottomFlagged: number;
                                };
                                assessmentMonth: {
                                    /** @description 1: the calendar month; 19: the 19th to the 18th */
                                    startDay: number;
                                };
                                /**
                                 * @description a callback is invalid after the case policy's callbackMaxAttempts failed attempts
                                 * @enum {string}
                                 */
                                invalidCallback: "case_policy_attempts";
                            };
                            /**
                             * @description a unit’s figures are its subtree’s: the unit and every unit below it
                             * @enum {string}
                             */
                            figureScope: "subtree";
                            formulas: {
                                /** @enum {string} */
                                figure: "compositeScore" | "responseRate" | "resolutionRate" | "satisfactionRate" | "onTimeSignFor" | "onTimeReply" | "onTimeParts" | "closureRate" | "returnRate" | "rehandleRate" | "ratingSatisfaction" | "averageHandlingHours";
                                zh: string;
                                en: string;
                            }[];
                            notReported: {
                                name: string;
                                zh: string;
                                en: string;
                            }[];
                            computedAt: string;
                            /** @description how many units the ranking has, whatever the reader is shown */
                            peers: {
                                ranked: number;
                                unranked: number;
                            };
                            /** @description true: the reader sees only the rows of their own subtree, each with its rank among all peers */
                            restricted: boolean;
                            rows: {
                                unitId: string;
                                unitName: string;
                                /** @description 1 is best; ties share a rank (1, 1, 3); null: unranked */
                                rank: number | null;
                                unranked: "below_minimum_volume" | null;
                                /** @description among the bottom N of the ranked units (the policy’s ranking.bottomFlagged) */
                                flagged: boolean;
                                /** @description the composite score */
                                score: {
                                    numerator: number;
                                    denominator: number;
                                    /** @description numerator / denominator; null when the denominator is 0 */
                                    value: number | null;
                                };
                                figures: {
                                    compositeScore: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    responseRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    resolutionRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    satisfactionRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeSignFor: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeReply: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeParts: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    closureRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    returnRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    rehandleRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    ratingSatisfaction: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    averageHandlingHours: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                };
                                /** @description the counters behind the figures, summed over the unit’s subtree */
                                counts: {
                                    valid: number;
                                    contacted: number;
                                    resolved: number;
                                    satisfied: number;
                                    basically_satisfied: number;
                                    unsatisfied: number;
                                    excluded_unreasonable: number;
                                    excluded_no_contact: number;
                                    excluded_invalid_callback: number;
                                    round_judged: number;
                                    round_rehandled: number;
                                    sign_for_due: number;
                                    sign_for_on_time: number;
                                    reply_due: number;
                                    reply_on_time: number;
                                    part_due: number;
                                    part_on_time: number;
                                    dispatched: number;
                                    returned: number;
                                    assigned: number;
                                    assigned_closed: number;
                                    closed: number;
                                    handled: number;
                                    handling_seconds: number;
                                    repeat: number;
                                    rated: number;
                                    rated_satisfied: number;
                                    rated_basically_satisfied: number;
                                    rated_unsatisfied: number;
                                };
                                previousRank: number | null;
                                /** @description previousRank − rank: positive when the unit moved up */
                                change: number | null;
                                previousScore: number | null;
                                scoreChange: number | null;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/units/{unitId}/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One unit’s figures for a period: its own, and its subtree’s (what a ranking of its level shows)
         * @description Each figure with its numerator and denominator, and the counters behind them. Analysts, supervisors and admins read every unit; a unit leader reads their unit and the units below it, and in a ranking sees only those rows, each with its rank among all peers (peers says how many; restricted: true). format=csv answers text/csv (UTF-8 with a BOM; a header block with the period, its days, the policy version and the formulas, then the table); format=xlsx a workbook with the table and a sheet 说明 About with the same. Headers are Chinese with the English beside them.
         */
        get: {
            parameters: {
                query?: {
                    /** @description day, week (ISO), month, assessment_month (the policy’s assessmentMonth), year */
                    periodKind?: "day" | "week" | "month" | "assessment_month" | "year";
                    /** @description the period’s label (an assessment month is labelled by the month it ends in); default: the last complete period in the calendar’s local time */
                    period?: string;
                    /** @description json (default); csv: UTF-8 with a BOM and a header block (period, days, policy version, formulas); xlsx: a sheet of rows and a sheet with the period, the policy version and the formulas */
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path: {
                    unitId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unit: {
                                id: string;
                                name: string;
                                type: string;
                            };
                            /** @enum {string} */
                            periodKind: "day" | "week" | "month" | "assessment_month" | "year";
                            period: string;
                            /** @description first and last local day, inclusive */
                            days: {
                                from: string;
                                to: string;
                            };
                            policyVersion: number;
                            formulas: {
                                /** @enum {string} */
                                figure: "compositeScore" | "responseRate" | "resolutionRate" | "satisfactionRate" | "onTimeSignFor" | "onTimeReply" | "onTimeParts" | "closureRate" | "returnRate" | "rehandleRate" | "ratingSatisfaction" | "averageHandlingHours";
                                zh: string;
                                en: string;
                            }[];
                            notReported: {
                                name: string;
                                zh: string;
                                en: string;
                            }[];
                            /** @description what was counted for the unit itself */
                            own: {
                                counts: {
                                    valid: number;
                                    contacted: number;
                                    resolved: number;
                                    satisfied: number;
                                    basically_satisfied: number;
                                    unsatisfied: number;
                                    excluded_unreasonable: number;
                                    excluded_no_contact: number;
                                    excluded_invalid_callback: number;
                                    round_judged: number;
                                    round_rehandled: number;
                                    sign_for_due: number;
                                    sign_for_on_time: number;
                                    reply_due: number;
                                    reply_on_time: number;
                                    part_due: number;
                                    part_on_time: number;
                                    dispatched: number;
                                    returned: number;
                                    assigned: number;
                                    assigned_closed: number;
                                    closed: number;
                                    handled: number;
                                    handling_seconds: number;
                                    repeat: number;
                                    rated: number;
                                    rated_satisfied: number;
                                    rated_basically_satisfied: number;
                                    rated_unsatisfied: number;
                                };
                                figures: {
                                    compositeScore: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    responseRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    resolutionRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    satisfactionRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeSignFor: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeReply: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeParts: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    closureRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    returnRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    rehandleRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    ratingSatisfaction: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    averageHandlingHours: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                };
                            };
                            /** @description the unit and every unit below it (what a ranking of its level shows) */
                            subtree: {
                                counts: {
                                    valid: number;
                                    contacted: number;
                                    resolved: number;
                                    satisfied: number;
                                    basically_satisfied: number;
                                    unsatisfied: number;
                                    excluded_unreasonable: number;
                                    excluded_no_contact: number;
                                    excluded_invalid_callback: number;
                                    round_judged: number;
                                    round_rehandled: number;
                                    sign_for_due: number;
                                    sign_for_on_time: number;
                                    reply_due: number;
                                    reply_on_time: number;
                                    part_due: number;
                                    part_on_time: number;
                                    dispatched: number;
                                    returned: number;
                                    assigned: number;
                                    assigned_closed: number;
                                    closed: number;
                                    handled: number;
                                    handling_seconds: number;
                                    repeat: number;
                                    rated: number;
                                    rated_satisfied: number;
                                    rated_basically_satisfied: number;
                                    rated_unsatisfied: number;
                                };
                                figures: {
                                    compositeScore: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    responseRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    resolutionRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    satisfactionRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeSignFor: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeReply: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeParts: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    closureRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    returnRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    rehandleRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    ratingSatisfaction: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    averageHandlingHours: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                };
                                units: number;
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessment/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cases behind a figure or a counter of a unit in a period (drill-down), masked as the case list
         * @description figure=resolutionRate lists the cases in the figure’s denominator (the valid callbacks) with what each added to the numerator and what it cost (`lost`); missed=true keeps only the ones that cost the unit (valid but not resolved). counter=returned lists the cases that added to a counter. Keyset pages in (day, case, unit) order. Analysts, supervisors and admins read every unit; a unit leader reads their unit and the units below it, and in a ranking sees only those rows, each with its rank among all peers (peers says how many; restricted: true).
         */
        get: {
            parameters: {
                query: {
                    unitId: string;
                    /** @description the cases behind this figure (its denominator); give figure or counter */
                    figure?: "compositeScore" | "responseRate" | "resolutionRate" | "satisfactionRate" | "onTimeSignFor" | "onTimeReply" | "onTimeParts" | "closureRate" | "returnRate" | "rehandleRate" | "ratingSatisfaction" | "averageHandlingHours";
                    /** @description the cases that added to this counter */
                    counter?: "valid" | "contacted" | "resolved" | "satisfied" | "basically_satisfied" | "unsatisfied" | "excluded_unreasonable" | "excluded_no_contact" | "excluded_invalid_callback" | "round_judged" | "round_rehandled" | "sign_for_due" | "sign_for_on_time" | "reply_due" | "reply_on_time" | "part_due" | "part_on_time" | "dispatched" | "returned" | "assigned" | "assigned_closed" | "closed" | "handled" | "handling_seconds" | "repeat" | "rated" | "rated_satisfied" | "rated_basically_satisfied" | "rated_unsatisfied";
                    /** @description with figure: only the cases that cost the unit on it. For a rate where higher is better, the cases in its denominator that did not earn the whole numerator (figure=resolutionRate&missed=true: valid callbacks not resolved); for the return and re-handle rates, the cases in the numerator */
                    missed?: "true" | "false";
                    /** @description subtree (default, as a ranking counts a unit): the unit and every unit below it; own: the unit alone */
                    scope?: "subtree" | "own";
                    /** @description day, week (ISO), month, assessment_month (the policy’s assessmentMonth), year */
                    periodKind?: "day" | "week" | "month" | "assessment_month" | "year";
                    /** @description the period’s label (an assessment month is labelled by the month it ends in); default: the last complete period in the calendar’s local time */
                    period?: string;
                    limit?: number;
                    /** @description nextCursor of the previous page, as it was given */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unitId: string;
                            /** @enum {string} */
                            scope: "subtree" | "own";
                            /** @enum {string} */
                            periodKind: "day" | "week" | "month" | "assessment_month" | "year";
                            period: string;
                            /** @description first and last local day, inclusive */
                            days: {
                                from: string;
                                to: string;
                            };
                            policyVersion: number;
                            figure: {
                                /** @enum {string} */
                                name: "compositeScore" | "responseRate" | "resolutionRate" | "satisfactionRate" | "onTimeSignFor" | "onTimeReply" | "onTimeParts" | "closureRate" | "returnRate" | "rehandleRate" | "ratingSatisfaction" | "averageHandlingHours";
                                /** @enum {string} */
                                better: "higher" | "lower";
                                /** @enum {string} */
                                denominator: "valid" | "contacted" | "resolved" | "satisfied" | "basically_satisfied" | "unsatisfied" | "excluded_unreasonable" | "excluded_no_contact" | "excluded_invalid_callback" | "round_judged" | "round_rehandled" | "sign_for_due" | "sign_for_on_time" | "reply_due" | "reply_on_time" | "part_due" | "part_on_time" | "dispatched" | "returned" | "assigned" | "assigned_closed" | "closed" | "handled" | "handling_seconds" | "repeat" | "rated" | "rated_satisfied" | "rated_basically_satisfied" | "rated_unsatisfied";
                                numerator: {
                                    /** @enum {string} */
                                    counter: "valid" | "contacted" | "resolved" | "satisfied" | "basically_satisfied" | "unsatisfied" | "excluded_unreasonable" | "excluded_no_contact" | "excluded_invalid_callback" | "round_judged" | "round_rehandled" | "sign_for_due" | "sign_for_on_time" | "reply_due" | "reply_on_time" | "part_due" | "part_on_time" | "dispatched" | "returned" | "assigned" | "assigned_closed" | "closed" | "handled" | "handling_seconds" | "repeat" | "rated" | "rated_satisfied" | "rated_basically_satisfied" | "rated_unsatisfied";
                                    weight: number;
                                }[];
                                formula: {
                                    /** @enum {string} */
                                    figure: "compositeScore" | "responseRate" | "resolutionRate" | "satisfactionRate" | "onTimeSignFor" | "onTimeReply" | "onTimeParts" | "closureRate" | "returnRate" | "rehandleRate" | "ratingSatisfaction" | "averageHandlingHours";
                                    zh: string;
                                    en: string;
                                };
                            } | null;
                            counter: ("valid" | "contacted" | "resolved" | "satisfied" | "basically_satisfied" | "unsatisfied" | "excluded_unreasonable" | "excluded_no_contact" | "excluded_invalid_callback" | "round_judged" | "round_rehandled" | "sign_for_due" | "sign_for_on_time" | "reply_due" | "reply_on_time" | "part_due" | "part_on_time" | "dispatched" | "returned" | "assigned" | "assigned_closed" | "closed" | "handled" | "handling_seconds" | "repeat" | "rated" | "rated_satisfied" | "rated_basically_satisfied" | "rated_unsatisfied") | null;
                            missed: boolean;
                            items: {
                                caseId: string;
                                /** @description the unit the case counted for (in a subtree, the unit below) */
                                unitId: string;
                                /** @description the local day the contribution is dated (the callback, the dispatch, the clock’s stop …) */
                                day: string;
                                /** @description what the case added to each counter of the figure */
                                counts: {
                                    [key: string]: number;
                                };
                                /** @description what the case added to the figure’s numerator (weighted); null for a counter */
                                numerator: number | null;
                                /** @description what the case added to the denominator (for a counter: to that counter) */
                                denominator: number;
                                /** @description what the case cost the unit: denominator − numerator where higher is better, the numerator where lower is */
                                lost: number | null;
                                /** @description the case as the case list shows it (personal data masked); null if the record lacks it */
                                case: {
                                    id: string;
                                    /** @enum {string} */
                                    status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                    outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                                    title: string;
                                    /** @enum {string} */
                                    channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                                    categoryId: string;
                                    slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                                    unitId: string | null;
                                    round: number;
                                    escalationLevel: number;
                                    /** @enum {string} */
                                    warningLevel: "none" | "yellow" | "red";
                                    replyDueAt: string | null;
                                    nextDueAt: string | null;
                                    createdAt: string;
                                    updatedAt: string;
                                    closedAt: string | null;
                                    noContact: boolean;
                                    receivedAt: string;
                                    complainant: {
                                        name: string | null;
                                        phone: string | null;
                                    };
                                    seq: number;
                                    rounds: {
                                        round: number;
                                        unitId: string | null;
                                        repliedAt: string | null;
                                        callbackAt: string;
                                        contacted: boolean;
                                        resolved: boolean;
                                        /** @enum {string} */
                                        satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                    }[];
                                    disputed: boolean;
                                    demandUnreasonable: boolean;
                                    repeatCard: ("yellow" | "orange" | "red") | null;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rankings/publications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published rankings and their versions, newest first */
        get: {
            parameters: {
                query?: {
                    level?: "city" | "district" | "street" | "community" | "grid" | "department";
                    within?: string;
                    periodKind?: "day" | "week" | "month" | "assessment_month" | "year";
                    /** @description the period’s label */
                    period?: string;
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                level: string;
                                within: string | null;
                                /** @enum {string} */
                                periodKind: "day" | "week" | "month" | "assessment_month" | "year";
                                period: string;
                                /** @description 1, 2 …: a correction of the same ranking is its next version; earlier versions never change */
                                version: number;
                                /** @description the assessment policy version it was computed with */
                                policyVersion: number;
                                public: boolean;
                                note: string | null;
                                publishedAt: string;
                                publishedBy: string;
                                /** @description the id of the version that corrected it, if any */
                                supersededBy: number | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Publish a period’s ranking: frozen with the assessment policy version in force; again for the same period makes its next version
         * @description Computes the ranking now and stores it as version n+1 of (level, within, period kind, period); earlier versions never change. `changes` lists the rows whose rank or score differ from the version before. Admins publish any ranking, a supervisor those within their subtree (within=their unit or one below it). public: true makes it readable at /v1/public/rankings/{publicationId}.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        level: "city" | "district" | "street" | "community" | "grid" | "department";
                        /**
                         * @description day, week (ISO), month, assessment_month (the policy’s assessmentMonth), year
                         * @default assessment_month
                         * @enum {string}
                         */
                        periodKind?: "day" | "week" | "month" | "assessment_month" | "year";
                        /** @description the period’s label: 2026-04 */
                        period: string;
                        within?: string;
                        /**
                         * @description readable without signing in at /v1/public/rankings/{publicationId} (no personal data, no case numbers)
                         * @default false
                         */
                        public?: boolean;
                        /** @description why this version (a correction says what it corrects) */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            level: string;
                            within: string | null;
                            /** @enum {string} */
                            periodKind: "day" | "week" | "month" | "assessment_month" | "year";
                            period: string;
                            /** @description 1, 2 …: a correction of the same ranking is its next version; earlier versions never change */
                            version: number;
                            /** @description the assessment policy version it was computed with */
                            policyVersion: number;
                            public: boolean;
                            note: string | null;
                            publishedAt: string;
                            publishedBy: string;
                            /** @description the id of the version that corrected it, if any */
                            supersededBy: number | null;
                            ranking: {
                                level: string;
                                within: string | null;
                                /** @enum {string} */
                                periodKind: "day" | "week" | "month" | "assessment_month" | "year";
                                period: string;
                                /** @description first and last local day, inclusive */
                                days: {
                                    from: string;
                                    to: string;
                                };
                                previous: {
                                    period: string;
                                    /** @description first and last local day, inclusive */
                                    days: {
                                        from: string;
                                        to: string;
                                    };
                                };
                                policyVersion: number;
                                policy: {
                                    version: number;
                                    weights: {
                                        response: number;
                                        resolution: number;
                                        satisfaction: number;
                                    };
                                    /** @description what one basically-satisfied answer counts for in the satisfaction rate */
                                    basicallySatisfiedFactor: number;
                                    ranking: {
                                        /** @description units with fewer valid callbacks in the period are listed unranked */
                                        minValidCallbacks: number;
                                        /** @description how many units at the bottom of a level are flagged; 0: none */
                                        bottomFlagged: number;
                                    };
                                    assessmentMonth: {
                                        /** @description 1: the calendar month; 19: the 19th to the 18th */
                                        startDay: number;
                                    };
                                    /**
                                     * @description a callback is invalid after the case policy's callbackMaxAttempts failed attempts
                                     * @enum {string}
                                     */
                                    invalidCallback: "case_policy_attempts";
                                };
                                /**
                                 * @description a unit’s figures are its subtree’s: the unit and every unit below it
                                 * @enum {string}
                                 */
                                figureScope: "subtree";
                                formulas: {
                                    /** @enum {string} */
                                    figure: "compositeScore" | "responseRate" | "resolutionRate" | "satisfactionRate" | "onTimeSignFor" | "onTimeReply" | "onTimeParts" | "closureRate" | "returnRate" | "rehandleRate" | "ratingSatisfaction" | "averageHandlingHours";
                                    zh: string;
                                    en: string;
                                }[];
                                notReported: {
                                    name: string;
                                    zh: string;
                                    en: string;
                                }[];
                                computedAt: string;
                                /** @description how many units the ranking has, whatever the reader is shown */
                                peers: {
                                    ranked: number;
                                    unranked: number;
                                };
                                /** @description true: the reader sees only the rows of their own subtree, each with its rank among all peers */
                                restricted: boolean;
                                rows: {
                                    unitId: string;
                                    unitName: string;
                                    /** @description 1 is best; ties share a rank (1, 1, 3); null: unranked */
                                    rank: number | null;
                                    unranked: "below_minimum_volume" | null;
                                    /** @description among the bottom N of the ranked units (the policy’s ranking.bottomFlagged) */
                                    flagged: boolean;
                                    /** @description the composite score */
                                    score: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    figures: {
                                        compositeScore: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        responseRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        resolutionRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        satisfactionRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        onTimeSignFor: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        onTimeReply: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        onTimeParts: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        closureRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        returnRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        rehandleRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        ratingSatisfaction: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        averageHandlingHours: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                    };
                                    /** @description the counters behind the figures, summed over the unit’s subtree */
                                    counts: {
                                        valid: number;
                                        contacted: number;
                                        resolved: number;
                                        satisfied: number;
                                        basically_satisfied: number;
                                        unsatisfied: number;
                                        excluded_unreasonable: number;
                                        excluded_no_contact: number;
                                        excluded_invalid_callback: number;
                                        round_judged: number;
                                        round_rehandled: number;
                                        sign_for_due: number;
                                        sign_for_on_time: number;
                                        reply_due: number;
                                        reply_on_time: number;
                                        part_due: number;
                                        part_on_time: number;
                                        dispatched: number;
                                        returned: number;
                                        assigned: number;
                                        assigned_closed: number;
                                        closed: number;
                                        handled: number;
                                        handling_seconds: number;
                                        repeat: number;
                                        rated: number;
                                        rated_satisfied: number;
                                        rated_basically_satisfied: number;
                                        rated_unsatisfied: number;
                                    };
                                    previousRank: number | null;
                                    /** @description previousRank − rank: positive when the unit moved up */
                                    change: number | null;
                                    previousScore: number | null;
                                    scoreChange: number | null;
                                }[];
                            };
                            /** @description what this version changed against the one before: the rows whose rank or score differ (null for version 1) */
                            changes: {
                                previousId: number;
                                previousVersion: number;
                                previousPolicyVersion: number;
                                rows: {
                                    unitId: string;
                                    unitName: string;
                                    before: {
                                        rank: number | null;
                                        score: number | null;
                                    } | null;
                                    after: {
                                        rank: number | null;
                                        score: number | null;
                                    } | null;
                                }[];
                            } | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rankings/publications/{publicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One published ranking as it was published (and the version that corrected it, if any)
         * @description Analysts, supervisors and admins read every unit; a unit leader reads their unit and the units below it, and in a ranking sees only those rows, each with its rank among all peers (peers says how many; restricted: true). format=csv answers text/csv (UTF-8 with a BOM; a header block with the period, its days, the policy version and the formulas, then the table); format=xlsx a workbook with the table and a sheet 说明 About with the same. Headers are Chinese with the English beside them.
         */
        get: {
            parameters: {
                query?: {
                    /** @description json (default); csv: UTF-8 with a BOM and a header block (period, days, policy version, formulas); xlsx: a sheet of rows and a sheet with the period, the policy version and the formulas */
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path: {
                    publicationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            level: string;
                            within: string | null;
                            /** @enum {string} */
                            periodKind: "day" | "week" | "month" | "assessment_month" | "year";
                            period: string;
                            /** @description 1, 2 …: a correction of the same ranking is its next version; earlier versions never change */
                            version: number;
                            /** @description the assessment policy version it was computed with */
                            policyVersion: number;
                            public: boolean;
                            note: string | null;
                            publishedAt: string;
                            publishedBy: string;
                            /** @description the id of the version that corrected it, if any */
                            supersededBy: number | null;
                            ranking: {
                                level: string;
                                within: string | null;
                                /** @enum {string} */
                                periodKind: "day" | "week" | "month" | "assessment_month" | "year";
                                period: string;
                                /** @description first and last local day, inclusive */
                                days: {
                                    from: string;
                                    to: string;
                                };
                                previous: {
                                    period: string;
                                    /** @description first and last local day, inclusive */
                                    days: {
                                        from: string;
                                        to: string;
                                    };
                                };
                                policyVersion: number;
                                policy: {
                                    version: number;
                                    weights: {
                                        response: number;
                                        resolution: number;
                                        satisfaction: number;
                                    };
                                    /** @description what one basically-satisfied answer counts for in the satisfaction rate */
                                    basicallySatisfiedFactor: number;
                                    ranking: {
                                        /** @description units with fewer valid callbacks in the period are listed unranked */
                                        minValidCallbacks: number;
                                        /** @description how many units at the bottom of a level are flagged; 0: none */
                                        bottomFlagged: number;
                                    };
                                    assessmentMonth: {
                                        /** @description 1: the calendar month; 19: the 19th to the 18th */
                                        startDay: number;
                                    };
                                    /**
                                     * @description a callback is invalid after the case policy's callbackMaxAttempts failed attempts
                                     * @enum {string}
                                     */
                                    invalidCallback: "case_policy_attempts";
                                };
                                /**
                                 * @description a unit’s figures are its subtree’s: the unit and every unit below it
                                 * @enum {string}
                                 */
                                figureScope: "subtree";
                                formulas: {
                                    /** @enum {string} */
                                    figure: "compositeScore" | "responseRate" | "resolutionRate" | "satisfactionRate" | "onTimeSignFor" | "onTimeReply" | "onTimeParts" | "closureRate" | "returnRate" | "rehandleRate" | "ratingSatisfaction" | "averageHandlingHours";
                                    zh: string;
                                    en: string;
                                }[];
                                notReported: {
                                    name: string;
                                    zh: string;
                                    en: string;
                                }[];
                                computedAt: string;
                                /** @description how many units the ranking has, whatever the reader is shown */
                                peers: {
                                    ranked: number;
                                    unranked: number;
                                };
                                /** @description true: the reader sees only the rows of their own subtree, each with its rank among all peers */
                                restricted: boolean;
                                rows: {
                                    unitId: string;
                                    unitName: string;
                                    /** @description 1 is best; ties share a rank (1, 1, 3); null: unranked */
                                    rank: number | null;
                                    unranked: "below_minimum_volume" | null;
                                    /** @description among the bottom N of the ranked units (the policy’s ranking.bottomFlagged) */
                                    flagged: boolean;
                                    /** @description the composite score */
                                    score: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    figures: {
                                        compositeScore: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        responseRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        resolutionRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        satisfactionRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        onTimeSignFor: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        onTimeReply: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        onTimeParts: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        closureRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        returnRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        rehandleRate: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        ratingSatisfaction: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                        averageHandlingHours: {
                                            numerator: number;
                                            denominator: number;
                                            /** @description numerator / denominator; null when the denominator is 0 */
                                            value: number | null;
                                        };
                                    };
                                    /** @description the counters behind the figures, summed over the unit’s subtree */
                                    counts: {
                                        valid: number;
                                        contacted: number;
                                        resolved: number;
                                        satisfied: number;
                                        basically_satisfied: number;
                                        unsatisfied: number;
                                        excluded_unreasonable: number;
                                        excluded_no_contact: number;
                                        excluded_invalid_callback: number;
                                        round_judged: number;
                                        round_rehandled: number;
                                        sign_for_due: number;
                                        sign_for_on_time: number;
                                        reply_due: number;
                                        reply_on_time: number;
                                        part_due: number;
                                        part_on_time: number;
                                        dispatched: number;
                                        returned: number;
                                        assigned: number;
                                        assigned_closed: number;
                                        closed: number;
                                        handled: number;
                                        handling_seconds: number;
                                        repeat: number;
                                        rated: number;
                                        rated_satisfied: number;
                                        rated_basically_satisfied: number;
                                        rated_unsatisfied: number;
                                    };
                                    previousRank: number | null;
                                    /** @description previousRank − rank: positive when the unit moved up */
                                    change: number | null;
                                    previousScore: number | null;
                                    scoreChange: number | null;
                                }[];
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rankings published as public, newest first (no sign-in) */
        get: {
            parameters: {
                query?: {
                    level?: "city" | "district" | "street" | "community" | "grid" | "department";
                    periodKind?: "day" | "week" | "month" | "assessment_month" | "year";
                    /** @description the period’s label */
                    period?: string;
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                level: string;
                                within: string | null;
                                /** @enum {string} */
                                periodKind: "day" | "week" | "month" | "assessment_month" | "year";
                                period: string;
                                version: number;
                                policyVersion: number;
                                publishedAt: string;
                                supersededBy: number | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/rankings/{publicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A ranking published as public (no sign-in): units, ranks, scores and rates; no staff, no notes, no case numbers
         * @description A ranking that was not published as public answers 404 exactly like one that does not exist.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    publicationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            level: string;
                            within: string | null;
                            /** @enum {string} */
                            periodKind: "day" | "week" | "month" | "assessment_month" | "year";
                            period: string;
                            /** @description first and last local day, inclusive */
                            days: {
                                from: string;
                                to: string;
                            };
                            version: number;
                            policyVersion: number;
                            publishedAt: string;
                            supersededBy: number | null;
                            formulas: {
                                /** @enum {string} */
                                figure: "compositeScore" | "responseRate" | "resolutionRate" | "satisfactionRate" | "onTimeSignFor" | "onTimeReply" | "onTimeParts" | "closureRate" | "returnRate" | "rehandleRate" | "ratingSatisfaction" | "averageHandlingHours";
                                zh: string;
                                en: string;
                            }[];
                            rows: {
                                unitId: string;
                                unitName: string;
                                /** @description 1 is best; ties share a rank (1, 1, 3); null: unranked */
                                rank: number | null;
                                unranked: "below_minimum_volume" | null;
                                /** @description among the bottom N of the ranked units (the policy’s ranking.bottomFlagged) */
                                flagged: boolean;
                                /** @description the composite score */
                                score: {
                                    numerator: number;
                                    denominator: number;
                                    /** @description numerator / denominator; null when the denominator is 0 */
                                    value: number | null;
                                };
                                figures: {
                                    compositeScore: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    responseRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    resolutionRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    satisfactionRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeSignFor: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeReply: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    onTimeParts: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    closureRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    returnRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    rehandleRate: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    ratingSatisfaction: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                    averageHandlingHours: {
                                        numerator: number;
                                        denominator: number;
                                        /** @description numerator / denominator; null when the denominator is 0 */
                                        value: number | null;
                                    };
                                };
                                previousRank: number | null;
                                /** @description previousRank − rank: positive when the unit moved up */
                                change: number | null;
                                previousScore: number | null;
                                scoreChange: number | null;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analysis-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Analysis policy versions, newest first, and which one is in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activeVersion: number | null;
                            items: {
                                version: number;
                                /** @description the version analysis answers and reports are computed with now (exactly one is) */
                                active: boolean;
                                note: string | null;
                                createdAt: string;
                                /** @description who stored it (the seed: "seed") */
                                createdBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Store a new analysis policy version and put it in force (admins)
         * @description The body is a whole document without its version (the next number is given) and an optional note; unknown fields are refused; errors name the field, e.g. body.groupComplaint.minComplainants. Analysis answers use the version in force when asked; a stored report names the version it was computed with and never changes. The report Schedules take their times from the version in force when the worker starts (REPORT_*_CRON overrides).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categories: {
                            topN: number;
                        };
                        hotSpots: {
                            /** @description geohash precision: 5 ≈ 4.9 km, 6 ≈ 1.2 km × 0.6 km, 7 ≈ 153 m, 8 ≈ 38 m × 19 m */
                            cellPrecision: number;
                        };
                        groupComplaint: {
                            minComplainants: number;
                            windowDays: number;
                            /** @description geohash precision: 5 ≈ 4.9 km, 6 ≈ 1.2 km × 0.6 km, 7 ≈ 153 m, 8 ≈ 38 m × 19 m */
                            cellPrecision: number;
                        };
                        surge: {
                            /** @enum {string} */
                            placeLevel: "district" | "street" | "community" | "grid";
                            windowDays: number;
                            baselineWindows: number;
                            factor: number;
                            minCount: number;
                        };
                        reports: {
                            daily: {
                                at: string;
                            };
                            weekly: {
                                /**
                                 * @description ISO weekday: 1 = Monday … 7 = Sunday
                                 * @enum {number}
                                 */
                                weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
                                at: string;
                            };
                            monthly: {
                                /** @enum {string} */
                                basis: "calendar" | "assessment";
                                at: string;
                            };
                        };
                        /** @description why this version (kept with it) */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description the version analysis answers and reports are computed with now (exactly one is) */
                            active: boolean;
                            note: string | null;
                            createdAt: string;
                            /** @description who stored it (the seed: "seed") */
                            createdBy: string | null;
                            document: {
                                categories: {
                                    topN: number;
                                };
                                hotSpots: {
                                    /** @description geohash precision: 5 ≈ 4.9 km, 6 ≈ 1.2 km × 0.6 km, 7 ≈ 153 m, 8 ≈ 38 m × 19 m */
                                    cellPrecision: number;
                                };
                                groupComplaint: {
                                    minComplainants: number;
                                    windowDays: number;
                                    /** @description geohash precision: 5 ≈ 4.9 km, 6 ≈ 1.2 km × 0.6 km, 7 ≈ 153 m, 8 ≈ 38 m × 19 m */
                                    cellPrecision: number;
                                };
                                surge: {
                                    /** @enum {string} */
                                    placeLevel: "district" | "street" | "community" | "grid";
                                    windowDays: number;
                                    baselineWindows: number;
                                    factor: number;
                                    minCount: number;
                                };
                                reports: {
                                    daily: {
                                        at: string;
                                    };
                                    weekly: {
                                        /**
                                         * @description ISO weekday: 1 = Monday … 7 = Sunday
                                         * @enum {number}
                                         */
                                        weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
                                        at: string;
                                    };
                                    monthly: {
                                        /** @enum {string} */
                                        basis: "calendar" | "assessment";
                                        at: string;
                                    };
                                };
                                version: number;
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analysis-policies/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The analysis policy in force: top N, hot-spot cells, group-complaint and surge thresholds, report times */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description the version analysis answers and reports are computed with now (exactly one is) */
                            active: boolean;
                            note: string | null;
                            createdAt: string;
                            /** @description who stored it (the seed: "seed") */
                            createdBy: string | null;
                            document: {
                                categories: {
                                    topN: number;
                                };
                                hotSpots: {
                                    /** @description geohash precision: 5 ≈ 4.9 km, 6 ≈ 1.2 km × 0.6 km, 7 ≈ 153 m, 8 ≈ 38 m × 19 m */
                                    cellPrecision: number;
                                };
                                groupComplaint: {
                                    minComplainants: number;
                                    windowDays: number;
                                    /** @description geohash precision: 5 ≈ 4.9 km, 6 ≈ 1.2 km × 0.6 km, 7 ≈ 153 m, 8 ≈ 38 m × 19 m */
                                    cellPrecision: number;
                                };
                                surge: {
                                    /** @enum {string} */
                                    placeLevel: "district" | "street" | "community" | "grid";
                                    windowDays: number;
                                    baselineWindows: number;
                                    factor: number;
                                    minCount: number;
                                };
                                reports: {
                                    daily: {
                                        at: string;
                                    };
                                    weekly: {
                                        /**
                                         * @description ISO weekday: 1 = Monday … 7 = Sunday
                                         * @enum {number}
                                         */
                                        weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
                                        at: string;
                                    };
                                    monthly: {
                                        /** @enum {string} */
                                        basis: "calendar" | "assessment";
                                        at: string;
                                    };
                                };
                                version: number;
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analysis-policies/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One analysis policy version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description the version analysis answers and reports are computed with now (exactly one is) */
                            active: boolean;
                            note: string | null;
                            createdAt: string;
                            /** @description who stored it (the seed: "seed") */
                            createdBy: string | null;
                            document: {
                                categories: {
                                    topN: number;
                                };
                                hotSpots: {
                                    /** @description geohash precision: 5 ≈ 4.9 km, 6 ≈ 1.2 km × 0.6 km, 7 ≈ 153 m, 8 ≈ 38 m × 19 m */
                                    cellPrecision: number;
                                };
                                groupComplaint: {
                                    minComplainants: number;
                                    windowDays: number;
                                    /** @description geohash precision: 5 ≈ 4.9 km, 6 ≈ 1.2 km × 0.6 km, 7 ≈ 153 m, 8 ≈ 38 m × 19 m */
                                    cellPrecision: number;
                                };
                                surge: {
                                    /** @enum {string} */
                                    placeLevel: "district" | "street" | "community" | "grid";
                                    windowDays: number;
                                    baselineWindows: number;
                                    factor: number;
                                    minCount: number;
                                };
                                reports: {
                                    daily: {
                                        at: string;
                                    };
                                    weekly: {
                                        /**
                                         * @description ISO weekday: 1 = Monday … 7 = Sunday
                                         * @enum {number}
                                         */
                                        weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
                                        at: string;
                                    };
                                    monthly: {
                                        /** @enum {string} */
                                        basis: "calendar" | "assessment";
                                        at: string;
                                    };
                                };
                                version: number;
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analysis-policies/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a stored analysis policy version in force again (admins)
         * @description Analysis answers use the version in force when asked; a stored report names the version it was computed with and never changes. The report Schedules take their times from the version in force when the worker starts (REPORT_*_CRON overrides).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description the version analysis answers and reports are computed with now (exactly one is) */
                            active: boolean;
                            note: string | null;
                            createdAt: string;
                            /** @description who stored it (the seed: "seed") */
                            createdBy: string | null;
                            document: {
                                categories: {
                                    topN: number;
                                };
                                hotSpots: {
                                    /** @description geohash precision: 5 ≈ 4.9 km, 6 ≈ 1.2 km × 0.6 km, 7 ≈ 153 m, 8 ≈ 38 m × 19 m */
                                    cellPrecision: number;
                                };
                                groupComplaint: {
                                    minComplainants: number;
                                    windowDays: number;
                                    /** @description geohash precision: 5 ≈ 4.9 km, 6 ≈ 1.2 km × 0.6 km, 7 ≈ 153 m, 8 ≈ 38 m × 19 m */
                                    cellPrecision: number;
                                };
                                surge: {
                                    /** @enum {string} */
                                    placeLevel: "district" | "street" | "community" | "grid";
                                    windowDays: number;
                                    baselineWindows: number;
                                    factor: number;
                                    minCount: number;
                                };
                                reports: {
                                    daily: {
                                        at: string;
                                    };
                                    weekly: {
                                        /**
                                         * @description ISO weekday: 1 = Monday … 7 = Sunday
                                         * @enum {number}
                                         */
                                        weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
                                        at: string;
                                    };
                                    monthly: {
                                        /** @enum {string} */
                                        basis: "calendar" | "assessment";
                                        at: string;
                                    };
                                };
                                version: number;
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analysis/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Category distribution of the complaints received: the top N at a taxonomy level with their share of the whole
         * @description Shares are whole basis points (1/10,000) apportioned by the largest remainder, so the rows and `other` add up to exactly 10,000. A case counts at its category’s ancestor of the level (a case recorded above the level counts as its own category). Days are local dates of the calendar’s time zone: from–to (both included, at most 731 days), or periodKind and period (default the last complete month). unitId: the cases placed in or sent to that unit and the units below it; categoryId: that category and below. Analysts, supervisors and admins read the whole city; a unit leader their own unit’s subtree (by default, and at most). Every figure carries `cases`: a link to the cases behind it.
         */
        get: {
            parameters: {
                query?: {
                    /** @description first local day (YYYY-MM-DD, the calendar’s time zone), with `to` */
                    from?: string;
                    /** @description last local day, included; at most 731 days after `from` */
                    to?: string;
                    /** @description without from/to: the period’s kind (day, week, month, assessment_month, year) */
                    periodKind?: "day" | "week" | "month" | "assessment_month" | "year";
                    /** @description without from/to: the period’s label; default the last complete period */
                    period?: string;
                    /** @description the cases placed in or sent to this unit and the units below it (a unit leader: default and at most their own) */
                    unitId?: string;
                    /** @description the cases of this category and every category below it */
                    categoryId?: string;
                    /** @description taxonomy level counted at: 1 = the root categories */
                    level?: number;
                    /** @description categories listed by name (default the analysis policy’s); the rest are one row */
                    topN?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            range: {
                                from: string;
                                to: string;
                                /** @description null when asked by from/to */
                                periodKind: ("day" | "week" | "month" | "assessment_month" | "year") | null;
                                period: string | null;
                            };
                            unitId: string | null;
                            categoryId: string | null;
                            /** @description the analysis policy version the answer used */
                            policyVersion: number;
                            level: number;
                            topN: number;
                            total: number;
                            /** @description the cases behind this figure: GET it with the same credentials (a masked case list) */
                            cases: string;
                            top: {
                                categoryId: string;
                                name: string;
                                count: number;
                                /** @description share of the whole in basis points (1/10,000); the rows and `other` add up to 10,000 */
                                shareBp: number;
                                /** @description the cases behind this figure: GET it with the same credentials (a masked case list) */
                                cases: string;
                            }[];
                            other: {
                                categories: number;
                                count: number;
                                shareBp: number;
                            } | null;
                            topShareBp: number;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analysis/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Volume per day, week or month, with month-on-month (环比) and year-on-year (同比) change
         * @description Whole periods from the one containing `from` to the one containing `to`; each with the period before and the same period a year before (a week: 52 weeks before; 29 February: the 28th). basis=received counts complaints by the day they came in; basis=dispatched the times cases were sent to units by the day sent (its `cases` links to the assessment’s drill-down). Days are local dates of the calendar’s time zone: from–to (both included, at most 731 days), or periodKind and period (default the last complete month). unitId: the cases placed in or sent to that unit and the units below it; categoryId: that category and below. Analysts, supervisors and admins read the whole city; a unit leader their own unit’s subtree (by default, and at most). Every figure carries `cases`: a link to the cases behind it.
         */
        get: {
            parameters: {
                query?: {
                    /** @description first local day (YYYY-MM-DD, the calendar’s time zone), with `to` */
                    from?: string;
                    /** @description last local day, included; at most 731 days after `from` */
                    to?: string;
                    /** @description without from/to: the period’s kind (day, week, month, assessment_month, year) */
                    periodKind?: "day" | "week" | "month" | "assessment_month" | "year";
                    /** @description without from/to: the period’s label; default the last complete period */
                    period?: string;
                    /** @description the cases placed in or sent to this unit and the units below it (a unit leader: default and at most their own) */
                    unitId?: string;
                    /** @description the cases of this category and every category below it */
                    categoryId?: string;
                    /** @description local days, Monday–Sunday weeks (named by their Monday), or months */
                    granularity?: "day" | "week" | "month";
                    /** @description received: complaints by the day they came in (every complaint); dispatched: the times cases were sent to units, by the day sent (the assessment’s workload counter) */
                    basis?: "received" | "dispatched";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            range: {
                                from: string;
                                to: string;
                                /** @description null when asked by from/to */
                                periodKind: ("day" | "week" | "month" | "assessment_month" | "year") | null;
                                period: string | null;
                            };
                            unitId: string | null;
                            categoryId: string | null;
                            /** @description the analysis policy version the answer used */
                            policyVersion: number;
                            /** @enum {string} */
                            granularity: "day" | "week" | "month";
                            /** @enum {string} */
                            basis: "received" | "dispatched";
                            total: number;
                            periods: {
                                period: string;
                                from: string;
                                to: string;
                                count: number;
                                /** @description 环比: against the period before */
                                previous: {
                                    period: string;
                                    count: number;
                                    delta: number;
                                    /** @description (count − base) / base; null when the base is 0 */
                                    ratio: number | null;
                                };
                                /** @description 同比: against the same period a year before */
                                yearAgo: {
                                    period: string;
                                    count: number;
                                    delta: number;
                                    /** @description (count − base) / base; null when the base is 0 */
                                    ratio: number | null;
                                };
                                /** @description the cases behind this figure: GET it with the same credentials (a masked case list) */
                                cases: string;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analysis/hotspots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hot spots: complaints per unit of place (community, grid, street, district) or per geohash cell of their coordinates
         * @description by=unit counts each case at its place unit’s ancestor of the level; by=cell at the cell of its coordinates (precision from the analysis policy unless given). Days are local dates of the calendar’s time zone: from–to (both included, at most 731 days), or periodKind and period (default the last complete month). unitId: the cases placed in or sent to that unit and the units below it; categoryId: that category and below. Analysts, supervisors and admins read the whole city; a unit leader their own unit’s subtree (by default, and at most). Every figure carries `cases`: a link to the cases behind it.
         */
        get: {
            parameters: {
                query?: {
                    /** @description first local day (YYYY-MM-DD, the calendar’s time zone), with `to` */
                    from?: string;
                    /** @description last local day, included; at most 731 days after `from` */
                    to?: string;
                    /** @description without from/to: the period’s kind (day, week, month, assessment_month, year) */
                    periodKind?: "day" | "week" | "month" | "assessment_month" | "year";
                    /** @description without from/to: the period’s label; default the last complete period */
                    period?: string;
                    /** @description the cases placed in or sent to this unit and the units below it (a unit leader: default and at most their own) */
                    unitId?: string;
                    /** @description the cases of this category and every category below it */
                    categoryId?: string;
                    /** @description unit: per unit of place at `level`; cell: per geohash cell of the coordinates at `precision` */
                    by?: "unit" | "cell";
                    /** @description with by=unit: district, street, community or grid */
                    level?: "district" | "street" | "community" | "grid";
                    /** @description with by=cell: geohash precision (default the analysis policy’s; 7 ≈ 153 m) */
                    precision?: number;
                    /** @description rows, the hottest first */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            range: {
                                from: string;
                                to: string;
                                /** @description null when asked by from/to */
                                periodKind: ("day" | "week" | "month" | "assessment_month" | "year") | null;
                                period: string | null;
                            };
                            unitId: string | null;
                            categoryId: string | null;
                            /** @description the analysis policy version the answer used */
                            policyVersion: number;
                            /** @enum {string} */
                            by: "unit" | "cell";
                            level: ("district" | "street" | "community" | "grid") | null;
                            precision: number | null;
                            total: number;
                            /** @description cases without a unit at the level (by=unit) or without usable coordinates (by=cell) */
                            unplaced: number;
                            rows: {
                                unitId: string | null;
                                name: string | null;
                                cell: string | null;
                                bounds: {
                                    south: number;
                                    west: number;
                                    north: number;
                                    east: number;
                                } | null;
                                centre: {
                                    lat: number;
                                    lng: number;
                                } | null;
                                count: number;
                                /** @description the cases behind this figure: GET it with the same credentials (a masked case list) */
                                cases: string;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analysis/group-complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Group complaints (群体诉求): many distinct complainants on one category and one place within the policy’s window
         * @description A group is flagged at the case that brings the distinct complainants (told apart by phone; complaints without one count for nobody) of one category and one place — the geohash cell of the coordinates, else the grid or community — within the window to the policy’s minimum; later cases of the same issue inside its window join it. Listed are the groups flagged on the days asked. Days are local dates of the calendar’s time zone: from–to (both included, at most 731 days), or periodKind and period (default the last complete month). unitId: the cases placed in or sent to that unit and the units below it; categoryId: that category and below. Analysts, supervisors and admins read the whole city; a unit leader their own unit’s subtree (by default, and at most). Every figure carries `cases`: a link to the cases behind it.
         */
        get: {
            parameters: {
                query?: {
                    /** @description first local day (YYYY-MM-DD, the calendar’s time zone), with `to` */
                    from?: string;
                    /** @description last local day, included; at most 731 days after `from` */
                    to?: string;
                    /** @description without from/to: the period’s kind (day, week, month, assessment_month, year) */
                    periodKind?: "day" | "week" | "month" | "assessment_month" | "year";
                    /** @description without from/to: the period’s label; default the last complete period */
                    period?: string;
                    /** @description the cases placed in or sent to this unit and the units below it (a unit leader: default and at most their own) */
                    unitId?: string;
                    /** @description the cases of this category and every category below it */
                    categoryId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            range: {
                                from: string;
                                to: string;
                                /** @description null when asked by from/to */
                                periodKind: ("day" | "week" | "month" | "assessment_month" | "year") | null;
                                period: string | null;
                            };
                            unitId: string | null;
                            categoryId: string | null;
                            /** @description the analysis policy version the answer used */
                            policyVersion: number;
                            policy: {
                                minComplainants: number;
                                windowDays: number;
                                cellPrecision: number;
                            };
                            items: {
                                /** @description stable: the category, the place and the group’s first case */
                                id: string;
                                categoryId: string;
                                categoryName: string;
                                place: {
                                    /** @enum {string} */
                                    kind: "cell" | "unit";
                                    cell: string | null;
                                    bounds: {
                                        south: number;
                                        west: number;
                                        north: number;
                                        east: number;
                                    } | null;
                                    unitId: string | null;
                                    name: string | null;
                                };
                                windowStart: string;
                                windowEnd: string;
                                /** @description when the group reached the threshold: the receipt of the case that made it */
                                detectedAt: string;
                                detectedByCaseId: string;
                                /** @description distinct complainants (told apart by phone) */
                                complainants: number;
                                caseIds: string[];
                                /** @description the cases behind this figure: GET it with the same credentials (a masked case list) */
                                cases: string;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analysis/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts the analysis watch flagged: group complaints (群体诉求) and surges (诉求激增), the latest detected first
         * @description Each finding once, as it was recorded when it was first flagged (and its notices sent): a group’s category, place, window, complainants and cases; a surge’s street, window, count and baseline, and the day it ended. from–to: local days of detection. Analysts, supervisors and admins read all; a unit leader those told to or placed at their unit or a unit below it. No personal data. Keyset pages.
         */
        get: {
            parameters: {
                query?: {
                    /** @description group_complaint (群体诉求) or surge (诉求激增); absent: both */
                    kind?: "group_complaint" | "surge";
                    /** @description alerts detected on or after this local day (YYYY-MM-DD, the calendar’s time zone) */
                    from?: string;
                    /** @description alerts detected on or before this local day */
                    to?: string;
                    /** @description alerts told to this unit or a unit below it (a group’s or surge’s street), or placed at one (a group on a grid or community) */
                    unitId?: string;
                    limit?: number;
                    /** @description nextCursor of the previous page, as it was given */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @enum {string} */
                                kind: "group_complaint" | "surge";
                                categoryId: string;
                                categoryName: string;
                                /** @description the unit told: the street of the place (null: the city platform) */
                                unitId: string | null;
                                unitName: string | null;
                                /** @description a group: the receipt of the case that made it; a surge: the watch run that found it */
                                detectedAt: string;
                                /** @description when the watch recorded it (and sent its notices) */
                                recordedAt: string;
                                /** @description kind group_complaint */
                                group: {
                                    place: {
                                        /** @enum {string} */
                                        kind: "cell" | "unit";
                                        cell: string | null;
                                        unitId: string | null;
                                        name: string | null;
                                    };
                                    windowStart: string;
                                    windowEnd: string;
                                    /** @description distinct complainants when it was flagged (told apart by phone; never the phones) */
                                    complainants: number;
                                    /** @description the cases in the group when it was flagged; later cases of its category and place inside its window join it */
                                    caseIds: string[];
                                    detectedByCaseId: string;
                                    /** @description the cases behind this figure: GET it with the same credentials (a masked case list) */
                                    cases: string;
                                } | null;
                                /** @description kind surge */
                                surge: {
                                    /** @description the local day evaluated */
                                    day: string;
                                    windowFrom: string;
                                    count: number;
                                    baselineFrom: string;
                                    baselineTo: string;
                                    baselineCount: number;
                                    baselineAverage: number;
                                    /** @description the first day it no longer held; null: going on */
                                    endedOn: string | null;
                                    /** @description the cases behind this figure: GET it with the same credentials (a masked case list) */
                                    cases: string;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analysis/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cases behind an analysis figure, newest received first, masked as the case list masks them
         * @description Filters as the figures take them, and placeUnitId (a hot spot’s unit), cell (a hot spot’s geohash) or caseIds (a group complaint’s). Keyset pages. Days are local dates of the calendar’s time zone: from–to (both included, at most 731 days), or periodKind and period (default the last complete month). unitId: the cases placed in or sent to that unit and the units below it; categoryId: that category and below. Analysts, supervisors and admins read the whole city; a unit leader their own unit’s subtree (by default, and at most). Every figure carries `cases`: a link to the cases behind it.
         */
        get: {
            parameters: {
                query?: {
                    /** @description first local day (YYYY-MM-DD, the calendar’s time zone), with `to` */
                    from?: string;
                    /** @description last local day, included; at most 731 days after `from` */
                    to?: string;
                    /** @description without from/to: the period’s kind (day, week, month, assessment_month, year) */
                    periodKind?: "day" | "week" | "month" | "assessment_month" | "year";
                    /** @description without from/to: the period’s label; default the last complete period */
                    period?: string;
                    /** @description the cases placed in or sent to this unit and the units below it (a unit leader: default and at most their own) */
                    unitId?: string;
                    /** @description the cases of this category and every category below it */
                    categoryId?: string;
                    /** @description the cases placed in this unit and the units below it (a hot spot’s) */
                    placeUnitId?: string;
                    /** @description the cases whose coordinates are in this geohash cell */
                    cell?: string;
                    /** @description these cases (a group complaint’s) */
                    caseIds?: string;
                    /** @description with categoryId: subtree (default) the category and every category below it; own: cases recorded at that category itself */
                    categoryScope?: "subtree" | "own";
                    limit?: number;
                    /** @description nextCursor of the previous page, as it was given */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            range: {
                                from: string;
                                to: string;
                                /** @description null when asked by from/to */
                                periodKind: ("day" | "week" | "month" | "assessment_month" | "year") | null;
                                period: string | null;
                            };
                            items: {
                                id: string;
                                /** @enum {string} */
                                status: "received" | "dispatched" | "accepted" | "contacted" | "replied" | "returned" | "on_hold" | "closed";
                                outcome: ("resolved" | "unsatisfied" | "callback_invalid" | "terminated" | "no_contact" | "consultation" | "emergency_transfer" | "referred" | "repeat" | "out_of_scope") | null;
                                title: string;
                                /** @enum {string} */
                                channel: "phone" | "wechat" | "web" | "app" | "mailbox" | "media" | "opinion_monitoring" | "whistle" | "open311" | "grid_worker" | "letter";
                                categoryId: string;
                                slaClass: ("emergency" | "utilities" | "urgent" | "general" | "complex") | null;
                                unitId: string | null;
                                round: number;
                                escalationLevel: number;
                                /** @enum {string} */
                                warningLevel: "none" | "yellow" | "red";
                                replyDueAt: string | null;
                                nextDueAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                                closedAt: string | null;
                                noContact: boolean;
                                receivedAt: string;
                                complainant: {
                                    name: string | null;
                                    phone: string | null;
                                };
                                seq: number;
                                rounds: {
                                    round: number;
                                    unitId: string | null;
                                    repliedAt: string | null;
                                    callbackAt: string;
                                    contacted: boolean;
                                    resolved: boolean;
                                    /** @enum {string} */
                                    satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied";
                                }[];
                                disputed: boolean;
                                demandUnreasonable: boolean;
                                repeatCard: ("yellow" | "orange" | "red") | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Generated reports (daily notice, weekly summary, monthly report), newest first
         * @description Every version of every period: a period generated again has version n+1 and the earlier names it in supersededBy. A report is scoped like its data: the city’s are read by analysts, supervisors and admins; a unit’s also by its leaders (their unit and below). Others are not listed, and answer 404.
         */
        get: {
            parameters: {
                query?: {
                    kind?: "daily" | "weekly" | "monthly";
                    period?: string;
                    /** @description the reports of this unit’s subtree (its scope); city=true: the city’s */
                    unitId?: string;
                    /** @description true: only the city-wide reports */
                    city?: "true" | "false";
                    limit?: number;
                    /** @description nextCursor of the previous page, as it was given */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @enum {string} */
                                kind: "daily" | "weekly" | "monthly";
                                period: string;
                                days: {
                                    from: string;
                                    to: string;
                                };
                                /** @description the unit whose subtree the report covers; null: the city */
                                scopeUnitId: string | null;
                                /** @description 1 for the first report of its kind, scope and period; generating it again makes the next */
                                version: number;
                                /** @description the id of the next version, if any */
                                supersededBy: number | null;
                                title: string;
                                analysisPolicyVersion: number;
                                createdAt: string;
                                /** @description schedule:<run> or the person who asked */
                                createdBy: string;
                                files: {
                                    html: string;
                                    xlsx: string;
                                    docx: string;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Generate a report now: a run of the report workflow for one period and scope (202; it appears in the list when stored)
         * @description Without period: the last whole period (yesterday, last week, last month). A period that has a report gets its next version; the earlier ones never change. Analysts and admins generate any report; a supervisor those of units in their subtree (unitId).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "daily" | "weekly" | "monthly";
                        /** @description default: the last whole period (yesterday, last week, last month) */
                        period?: string;
                        /** @description the report of this unit’s subtree; absent: the city’s */
                        unitId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the report run (visible in the Temporal Web UI); its report appears in GET /v1/reports when stored */
                            workflowId: string;
                            /** @enum {string} */
                            kind: "daily" | "weekly" | "monthly";
                            period: string | null;
                            scopeUnitId: string | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{reportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One report: its figures (JSON), or the file to open, print and forward (format=html, xlsx or docx)
         * @description format=html: one self-contained HTML file in Chinese (charts as inline SVG, print styles for A4; every figure links to the cases behind it); format=xlsx: a workbook with the figures behind every chart and table, and a sheet 说明 About; format=docx: the report as a Word document to edit and file (the same sections, tables and links; each chart a Word chart drawn from its figures), made from the stored figures when asked. A report is scoped like its data: the city’s are read by analysts, supervisors and admins; a unit’s also by its leaders (their unit and below). Others are not listed, and answer 404.
         */
        get: {
            parameters: {
                query?: {
                    /** @description json (default): the report and the figures it was rendered from; html: the self-contained report (charts inline, prints on A4); xlsx: the figures behind every chart; docx: the report as a Word document (the same sections, tables and links; charts drawn by Word from their data) */
                    format?: "json" | "html" | "xlsx" | "docx";
                };
                header?: never;
                path: {
                    reportId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "daily" | "weekly" | "monthly";
                            period: string;
                            days: {
                                from: string;
                                to: string;
                            };
                            /** @description the unit whose subtree the report covers; null: the city */
                            scopeUnitId: string | null;
                            /** @description 1 for the first report of its kind, scope and period; generating it again makes the next */
                            version: number;
                            /** @description the id of the next version, if any */
                            supersededBy: number | null;
                            title: string;
                            analysisPolicyVersion: number;
                            createdAt: string;
                            /** @description schedule:<run> or the person who asked */
                            createdBy: string;
                            files: {
                                html: string;
                                xlsx: string;
                                docx: string;
                            };
                            /** @description what the files were rendered from (reports/figures.ts) */
                            figures: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decrypt workflow payloads for the Temporal Web UI (codec server protocol; payloads not encrypted pass through) */
        post: {
            parameters: {
                query?: {
                    /** @description sent by later Web UI versions; no external storage here, so no effect */
                    preserveStorageRefs?: "true" | "false";
                };
                header?: {
                    /** @description the Temporal namespace the UI is showing (sent by the Web UI and the CLI) */
                    "x-namespace"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        payloads: {
                            metadata?: {
                                [key: string]: string;
                            } | null;
                            data?: string | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payloads: {
                                metadata?: {
                                    [key: string]: string;
                                };
                                /** @description base64 */
                                data?: string;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codec/encode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Encrypt payloads under the current key, for input the Temporal Web UI sends (codec server protocol) */
        post: {
            parameters: {
                query?: {
                    /** @description sent by later Web UI versions; no external storage here, so no effect */
                    preserveStorageRefs?: "true" | "false";
                };
                header?: {
                    /** @description the Temporal namespace the UI is showing (sent by the Web UI and the CLI) */
                    "x-namespace"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        payloads: {
                            metadata?: {
                                [key: string]: string;
                            } | null;
                            data?: string | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payloads: {
                                metadata?: {
                                    [key: string]: string;
                                };
                                /** @description base64 */
                                data?: string;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codec/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign-in page for the codec endpoint (for Web UIs without a login) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codec/login.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Script of the sign-in page */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codec/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Keep the bearer token of this request in an HttpOnly cookie for /codec (admins; people, not API keys) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/live/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live lists: server-sent events naming each case the caller may list as it is opened or changed (send Accept: text/event-stream)
         * @description text/event-stream. `event: ready` once listening; `event: case` with `{"caseId","op":"opened"|"changed","seq","status","warningLevel","escalationLevel","changed":[field names]}` for a case in the caller’s list scope (the same rule as GET /v1/cases); `event: case` with `{"caseId","op":"left"}` for a case that left it (reassigned, returned); `event: resync` when changes may have been missed (read the lists again). Never personal data, titles or places. A stream ends after 15 minutes (reconnect); at most 8 per caller (429). Without `Accept: text/event-stream` the answer is 400.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the caller is, and what the access table grants them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "user" | "system" | "complainant";
                            roles: ("intake_agent" | "dispatcher" | "unit_handler" | "unit_leader" | "supervisor" | "callback_agent" | "reviewer" | "analyst" | "admin")[];
                            unitId: string | null;
                            /** @description Every action the access table (domain/access.ts) grants the caller's roles, and where */
                            grants: {
                                /** @enum {string} */
                                action: "case.read" | "case.events" | "case.related" | "case.dispatch" | "case.accept" | "case.return" | "case.contact" | "case.progress" | "case.reply" | "case.callback" | "case.escalate" | "case.reassign" | "case.urge" | "case.triage" | "case.cooperate" | "case.report" | "case.request_extension" | "case.decide_extension" | "case.hold" | "case.resume" | "case.dispute" | "case.review" | "case.terminate" | "case.rate" | "case.resend_code" | "case.open" | "case.list" | "reference.read" | "catalogue.read" | "catalogue.write" | "policy.read" | "policy.write" | "calendar.write" | "notification.read" | "repeat.read" | "codec.encode" | "codec.decode" | "assessment.read" | "assessment.publish" | "assessment_policy.write" | "analysis.read" | "analysis.report" | "analysis_policy.write";
                                /** @enum {string} */
                                role: "intake_agent" | "dispatcher" | "unit_handler" | "unit_leader" | "supervisor" | "callback_agent" | "reviewer" | "analyst" | "admin";
                                /** @enum {string} */
                                scope: "city" | "subtree" | "unit" | "involved" | "cooperating" | "copied" | "own_case";
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the web console needs to know before sign-in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            devSignIn: boolean;
                            temporalUi: {
                                url: string;
                                namespace: string;
                            } | null;
                            /** @description Sign-in with this OpenID Connect provider (authorization code with PKCE; redirect to /console/signed-in); null: not configured */
                            oidc: {
                                issuer: string;
                                clientId: string;
                                scopes: string;
                                resource: string | null;
                                /** @description null while the provider's discovery cannot be read */
                                authorizationEndpoint: string | null;
                            } | null;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/oidc/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign-in with the OpenID Connect provider: the code of its redirect traded for the bearer token the console sends
         * @description Authorization code with PKCE: the API sends the code and the verifier to the provider’s token endpoint and answers the access token when it is a JWT this API takes, else the ID token (its nonce checked). 401 when the provider refuses the code or the tokens do not verify; 403 when the person holds no role of hotline; 503 when the provider cannot be reached.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        codeVerifier: string;
                        /**
                         * Format: uri
                         * @description the redirect URI the authorization request named: <console origin>/console/signed-in
                         */
                        redirectUri: string;
                        nonce: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            expiresAt: string;
                            person: {
                                name: string;
                                /** @enum {string} */
                                role: "intake_agent" | "dispatcher" | "unit_handler" | "unit_leader" | "supervisor" | "callback_agent" | "reviewer" | "analyst" | "admin";
                                sub: string;
                                unitId: string | null;
                                unitName: string | null;
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dev/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Development only (never with NODE_ENV=production): the demo city’s people the development sign-in offers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                key: "intake_agent" | "dispatcher" | "dispatcher@d01" | "unit_handler" | "unit_leader" | "supervisor" | "supervisor@d01" | "callback_agent" | "reviewer" | "analyst" | "admin";
                                name: string;
                                /** @enum {string} */
                                role: "intake_agent" | "dispatcher" | "unit_handler" | "unit_leader" | "supervisor" | "callback_agent" | "reviewer" | "analyst" | "admin";
                                sub: string;
                                unitId: string | null;
                                unitName: string | null;
                            }[];
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dev/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Development only (never with NODE_ENV=production): a bearer token for one of the demo city’s people */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        key: "intake_agent" | "dispatcher" | "dispatcher@d01" | "unit_handler" | "unit_leader" | "supervisor" | "supervisor@d01" | "callback_agent" | "reviewer" | "analyst" | "admin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            expiresAt: string;
                            person: {
                                /** @enum {string} */
                                key: "intake_agent" | "dispatcher" | "dispatcher@d01" | "unit_handler" | "unit_leader" | "supervisor" | "supervisor@d01" | "callback_agent" | "reviewer" | "analyst" | "admin";
                                name: string;
                                /** @enum {string} */
                                role: "intake_agent" | "dispatcher" | "unit_handler" | "unit_leader" | "supervisor" | "callback_agent" | "reviewer" | "analyst" | "admin";
                                sub: string;
                                unitId: string | null;
                                unitName: string | null;
                            };
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description application/problem+json (RFC 9457) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            code: string;
                            detail: string;
                            instance: string;
                            requestId: string;
                            errors?: {
                                field: string;
                                reason: string;
                            }[];
                            state?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
