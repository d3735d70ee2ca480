/**
 * Form fields built from a request body's JSON Schema (the API's OpenAPI document): a select for an enumeration,
 * yes/no for a boolean, a number with its bounds, a text or text area with its length, date-times, the unit picker for
 * units, and for a choice of shapes (oneOf, e.g. a triage outcome) the discriminating field first, then that shape's
 * fields. The API validates again; its field errors come back onto these fields.
 */
import { Form, Input, InputNumber, Radio, Select, Button, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { JsonSchema } from '../data';
import { useI18n } from '../i18n';
import { UnitPicker } from './Pickers';

type Path = Array<string | number>;

const LONG_TEXT = new Set(['content', 'description', 'note', 'reason']);
const UNIT_FIELDS = new Set(['unitId']);
const UNIT_LIST_FIELDS = new Set(['cooperating']);

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** The property that tells the shapes of a oneOf apart (one fixed value in each), e.g. `outcome`. */
export function discriminatorOf(s: JsonSchema): string | undefined {
  const branches = s.oneOf ?? s.anyOf;
  if (!branches?.length) return undefined;
  const first = branches[0]!.properties ?? {};
  return Object.keys(first).find((k) => branches.every((b) => (b.properties?.[k]?.enum?.length ?? 0) === 1 || b.properties?.[k]?.const !== undefined));
}

const fixedValue = (s: JsonSchema | undefined): unknown => (s?.const !== undefined ? s.const : s?.enum?.length === 1 ? s.enum[0] : undefined);

/** The branch of a oneOf whose discriminator has this value. */
export function branchOf(s: JsonSchema, discriminator: string, value: unknown): JsonSchema | undefined {
  return (s.oneOf ?? s.anyOf)?.find((b) => fixedValue(b.properties?.[discriminator]) === value);
}

function Field({ name, path, schema, required }: { name: string; path: Path; schema: JsonSchema; required: boolean }) {
  const { t, lang, enumLabel } = useI18n();
  const label = t.form.fields[name] ?? name;
  // The API's own descriptions are in English: shown as a hint in the English console only.
  const tooltip = lang === 'en' ? schema.description : undefined;
  const rules = [
    ...(required ? [{ required: true, message: `${label}: ${t.intake.required}` }] : []),
    ...(typeOf(schema) === 'string' && !schema.enum && !schema.format
      ? [{ whitespace: required, ...(schema.maxLength !== undefined && { max: schema.maxLength }) }]
      : []),
    ...(schema.pattern ? [{ pattern: new RegExp(schema.pattern), message: schema.description ?? t.form.fieldError }] : []),
  ];
  const item = (control: React.ReactNode) => (
    <Form.Item key={name} name={path} label={label} rules={rules} tooltip={tooltip} initialValue={schema.default}>
      {control}
    </Form.Item>
  );
  const type = typeOf(schema);
  if (UNIT_FIELDS.has(name)) return item(<UnitPicker types={['street', 'district', 'department', 'community']} placeholder={t.form.choose} />);
  if (schema.enum) {
    return item(
      <Select
        allowClear={!required}
        placeholder={t.form.choose}
        options={schema.enum.map((v) => ({ value: v, label: enumLabel(name, String(v)) }))}
      />,
    );
  }
  if (type === 'boolean') {
    return item(
      <Radio.Group
        options={[
          { value: true, label: t.common.yes },
          { value: false, label: t.common.no },
        ]}
      />,
    );
  }
  if (type === 'integer' || type === 'number') {
    return item(<InputNumber min={schema.minimum} max={schema.maximum} precision={type === 'integer' ? 0 : undefined} style={{ width: 160 }} />);
  }
  if (type === 'array') {
    const items = schema.items ?? {};
    if (UNIT_LIST_FIELDS.has(name)) return item(<UnitPicker multiple types={['street', 'district', 'department', 'community']} placeholder={t.form.choose} />);
    if (items.format === 'date-time') {
      return (
        <Form.List key={name} name={path} initialValue={['']}>
          {(fields, { add, remove }) => (
            <Form.Item label={label} required={required} tooltip={tooltip}>
              <Space orientation="vertical">
                {fields.map((f) => (
                  <Space key={f.key}>
                    <Form.Item name={f.name} noStyle rules={[{ required: true, message: label }]}>
                      <Input type="datetime-local" />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)}>−</Button>}
                  </Space>
                ))}
                <Button onClick={() => add('')}>{t.form.addDate}</Button>
              </Space>
            </Form.Item>
          )}
        </Form.List>
      );
    }
    return item(<Select mode="tags" />);
  }
  if (schema.format === 'date-time') return item(<Input type="datetime-local" />);
  if (LONG_TEXT.has(name) || (schema.maxLength ?? 0) > 300) return item(<Input.TextArea rows={3} maxLength={schema.maxLength} showCount />);
  return item(<Input maxLength={schema.maxLength} />);
}

/** The fields of an object schema (or of the chosen shape of a oneOf) under `path`. */
export function SchemaFields({ schema, path = [], form, hide = [] }: { schema: JsonSchema; path?: Path; form: FormInstance; hide?: readonly string[] }) {
  const { t, enumLabel } = useI18n();
  const discriminator = discriminatorOf(schema);
  if (discriminator) {
    const branches = schema.oneOf ?? schema.anyOf ?? [];
    return (
      <>
        <Form.Item name={[...path, discriminator]} label={t.form.fields[discriminator] ?? discriminator} rules={[{ required: true, message: t.form.choose }]}>
          <Select
            placeholder={t.form.choose}
            options={branches.map((b) => {
              const v = String(fixedValue(b.properties?.[discriminator]));
              return { value: v, label: enumLabel(discriminator, v) };
            })}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {() => {
            const chosen = branchOf(schema, discriminator, form.getFieldValue([...path, discriminator]));
            return chosen ? <SchemaFields schema={chosen} path={path} form={form} hide={[...hide, discriminator]} /> : null;
          }}
        </Form.Item>
      </>
    );
  }
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties ?? {})
        .filter(([name]) => !hide.includes(name))
        .map(([name, s]) => (
          <Field key={name} name={name} path={[...path, name]} schema={s} required={required.has(name)} />
        ))}
    </>
  );
}

/**
 * The form's values as the body the schema describes: empty fields left out, strings trimmed, date-time inputs
 * (the browser's local time) as RFC 3339 instants.
 */
export function bodyOf(schema: JsonSchema, values: unknown): unknown {
  const discriminator = discriminatorOf(schema);
  const shape = discriminator && values && typeof values === 'object' ? (branchOf(schema, discriminator, (values as Record<string, unknown>)[discriminator]) ?? schema) : schema;
  const type = typeOf(shape);
  if (values === undefined || values === null) return undefined;
  if (type === 'object' || shape.properties) {
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(shape.properties ?? {})) {
      const v = bodyOf(s, (values as Record<string, unknown>)[k]);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (type === 'array') {
    const list = (Array.isArray(values) ? values : []).map((v) => bodyOf(shape.items ?? {}, v)).filter((v) => v !== undefined);
    return list.length ? list : undefined;
  }
  if (typeof values === 'string') {
    const v = values.trim();
    if (v === '') return undefined;
    return shape.format === 'date-time' ? new Date(v).toISOString() : v;
  }
  return values;
}

/** The API's field errors (`body.note`, `body.reviewDates.0`) onto the form's fields under `path`. */
export function fieldErrors(errors: ReadonlyArray<{ field: string; reason: string }>, path: Path = []) {
  return errors
    .filter((e) => e.field.startsWith('body.'))
    .map((e) => ({ name: [...path, ...e.field.slice('body.'.length).split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))], errors: [e.reason] }));
}
