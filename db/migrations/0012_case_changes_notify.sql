-- Live lists (the web console): every change of a case row is announced on the channel hotline_cases, in the
-- transaction that wrote it (delivered at commit, so a listener never hears of a row it cannot read yet). The API
-- holds one LISTEN connection and fans the notices out to the console's event streams, each checked against the
-- reader's access (api/live.ts). A notice carries ids, states and the names of what changed, never personal data:
-- {"id", "op": "opened"|"changed", "seq", "status", "warningLevel", "escalationLevel", "changed": [...],
--  "unitId", "areaUnitId", "copiedUnitIds", "cooperatingUnitIds", "was": {the four before, when they differ}}.
-- A trigger on the table rather than a NOTIFY in the projection: it sees the row before the change (the unit a
-- case left hears of it), and it covers every writer. Statement level, with transition tables: a statement that
-- writes more than 32 rows (a bulk load, a benchmark's synthetic rows) sends one {"resync": n} instead of a notice
-- per row, and a rewrite that changes nothing (a retried projection batch) sends nothing.
CREATE FUNCTION hotline_cases_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
  r record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT count(*) INTO n FROM new_rows;
    IF n > 32 THEN
      PERFORM pg_notify('hotline_cases', json_build_object('resync', n)::text);
      RETURN NULL;
    END IF;
    FOR r IN SELECT * FROM new_rows LOOP
      PERFORM pg_notify('hotline_cases', json_build_object(
        'id', r.id, 'op', 'opened', 'seq', r.last_seq, 'status', r.status, 'warningLevel', r.warning_level,
        'escalationLevel', r.escalation_level, 'changed', '[]'::json,
        'unitId', r.unit_id, 'areaUnitId', r.area_unit_id,
        'copiedUnitIds', r.copied_unit_ids, 'cooperatingUnitIds', r.cooperating_unit_ids)::text);
    END LOOP;
    RETURN NULL;
  END IF;
  SELECT count(*) INTO n FROM new_rows;
  IF n > 32 THEN
    PERFORM pg_notify('hotline_cases', json_build_object('resync', n)::text);
    RETURN NULL;
  END IF;
  FOR r IN
    SELECT nw.*, o.unit_id AS was_unit_id, o.area_unit_id AS was_area_unit_id, o.copied_unit_ids AS was_copied_unit_ids,
      o.cooperating_unit_ids AS was_cooperating_unit_ids,
      array_remove(ARRAY[
        CASE WHEN nw.status IS DISTINCT FROM o.status THEN 'status' END,
        CASE WHEN nw.unit_id IS DISTINCT FROM o.unit_id THEN 'unitId' END,
        CASE WHEN nw.warning_level IS DISTINCT FROM o.warning_level THEN 'warningLevel' END,
        CASE WHEN nw.escalation_level IS DISTINCT FROM o.escalation_level THEN 'escalationLevel' END,
        CASE WHEN nw.next_due_at IS DISTINCT FROM o.next_due_at THEN 'nextDueAt' END,
        CASE WHEN nw.outcome IS DISTINCT FROM o.outcome THEN 'outcome' END,
        CASE WHEN nw.round IS DISTINCT FROM o.round THEN 'round' END,
        CASE WHEN nw.repeat_count IS DISTINCT FROM o.repeat_count THEN 'repeatCount' END,
        CASE WHEN nw.copied_unit_ids IS DISTINCT FROM o.copied_unit_ids OR nw.cooperating_unit_ids IS DISTINCT FROM o.cooperating_unit_ids THEN 'units' END,
        CASE WHEN nw.last_seq IS DISTINCT FROM o.last_seq THEN 'events' END
      ], NULL) AS changed
    FROM new_rows nw JOIN old_rows o ON o.id = nw.id
    WHERE (nw.last_seq, nw.status, nw.unit_id, nw.area_unit_id, nw.warning_level, nw.escalation_level, nw.next_due_at,
           nw.outcome, nw.round, nw.repeat_count, nw.copied_unit_ids, nw.cooperating_unit_ids, nw.updated_at)
      IS DISTINCT FROM
          (o.last_seq, o.status, o.unit_id, o.area_unit_id, o.warning_level, o.escalation_level, o.next_due_at,
           o.outcome, o.round, o.repeat_count, o.copied_unit_ids, o.cooperating_unit_ids, o.updated_at)
  LOOP
    PERFORM pg_notify('hotline_cases', json_build_object(
      'id', r.id, 'op', 'changed', 'seq', r.last_seq, 'status', r.status, 'warningLevel', r.warning_level,
      'escalationLevel', r.escalation_level, 'changed', to_json(r.changed),
      'unitId', r.unit_id, 'areaUnitId', r.area_unit_id,
      'copiedUnitIds', r.copied_unit_ids, 'cooperatingUnitIds', r.cooperating_unit_ids,
      'was', CASE WHEN (r.unit_id, r.area_unit_id, r.copied_unit_ids, r.cooperating_unit_ids)
                   IS DISTINCT FROM (r.was_unit_id, r.was_area_unit_id, r.was_copied_unit_ids, r.was_cooperating_unit_ids)
             THEN json_build_object('unitId', r.was_unit_id, 'areaUnitId', r.was_area_unit_id,
                                    'copiedUnitIds', r.was_copied_unit_ids, 'cooperatingUnitIds', r.was_cooperating_unit_ids)
             END)::text);
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cases_notify_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_cases_notify();
--> statement-breakpoint
CREATE TRIGGER cases_notify_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hotline_cases_notify();
