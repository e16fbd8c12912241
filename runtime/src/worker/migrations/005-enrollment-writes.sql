-- Cheaper writes of enrollments (issue 4's benchmark).
--
-- 1. An enrollment's contact and version, checked once per statement instead of once per row.
--    Enrolling 100,000 contacts spent half its insert in the two foreign keys of enrollments: a
--    foreign key checks each new row with a query of its own and a row lock, 100,000 times for
--    the contacts and 100,000 times for the one version they all point to (~1 s of ~2.2 s here).
--    Triggers with transition tables do the same for a whole statement in two set-based queries:
--    lock what the new rows point to `for key share`, as a foreign key does (a delete of it waits
--    for us to end; one that committed first leaves nothing to lock), then fail with the foreign
--    key's SQLSTATE (23503) if anything is missing. Deleting a contact or a version deletes its
--    enrollments, as the foreign keys' `on delete cascade` did: after a delete that waited for our
--    lock, the cascade's own statement sees the enrollments we committed.
alter table enrollments drop constraint enrollments_workspace_id_contact_id_fkey;
alter table enrollments drop constraint enrollments_workspace_id_sequence_id_version_fkey;

-- The foreign key's error, for the triggers below: the contact missing, else the version.
create function enrollment_reference_missing(
  p_no_contact boolean, p_contact text, p_sequence text, p_version int
) returns void
language plpgsql as $$
begin
  if p_no_contact then
    raise exception 'enrollment for contact % that is not in its workspace', p_contact
      using errcode = 'foreign_key_violation', table = 'enrollments';
  end if;
  raise exception 'enrollment in version % of sequence % that is not published',
    p_version, p_sequence
    using errcode = 'foreign_key_violation', table = 'enrollments';
end
$$;

create function enrollments_check_references() returns trigger
language plpgsql as $$
declare
  v record;
  v_locked bigint;
begin
  -- Each new row's contact, locked by key (a join: the planner knows how many rows came, and
  -- hashes a bulk enrollment's contacts rather than looking up each one).
  select count(*) into v_locked from (
    select 1 from new_enrollments n
    join contacts c on c.workspace_id = n.workspace_id and c.id = n.contact_id
    for key share of c
  ) l;
  -- Whether all rows name one version, as they do when enroll() writes them.
  select count(*) as total,
         min(n.workspace_id::text) = max(n.workspace_id::text)
           and min(n.sequence_id) = max(n.sequence_id)
           and min(n.version) = max(n.version) as one_version,
         min(n.workspace_id::text)::uuid as workspace_id, min(n.sequence_id) as sequence_id,
         min(n.version) as version
  into v
  from new_enrollments n;
  if v_locked < v.total then
    select n.contact_id into v from new_enrollments n
    where not exists (select 1 from contacts c
                      where c.workspace_id = n.workspace_id and c.id = n.contact_id)
    limit 1;
    perform enrollment_reference_missing(true, v.contact_id, null, null);
  end if;
  if v.one_version then
    perform 1 from sequence_versions s
    where s.workspace_id = v.workspace_id and s.sequence_id = v.sequence_id
      and s.version = v.version
    for key share;
    if found then
      return null;
    end if;
  else
    perform 1 from sequence_versions s
    where (s.workspace_id, s.sequence_id, s.version) in (
      select workspace_id, sequence_id, version from new_enrollments)
    for key share;
  end if;
  select n.sequence_id, n.version into v from new_enrollments n
  where not exists (select 1 from sequence_versions s
                    where s.workspace_id = n.workspace_id and s.sequence_id = n.sequence_id
                      and s.version = n.version)
  limit 1;
  if found then
    perform enrollment_reference_missing(false, null, v.sequence_id, v.version);
  end if;
  return null;
end
$$;

create trigger enrollments_references_on_insert after insert on enrollments
  referencing new table as new_enrollments
  for each statement execute function enrollments_check_references();

-- Moving enrollees to a new version changes `version`; nothing changes the other keys, but a
-- change to any of them is checked. Row by row: the WHEN clause costs nothing to a step.
create function enrollment_check_references() returns trigger
language plpgsql as $$
begin
  perform 1 from contacts c
  where c.workspace_id = new.workspace_id and c.id = new.contact_id for key share;
  if not found then
    perform enrollment_reference_missing(true, new.contact_id, null, null);
  end if;
  perform 1 from sequence_versions v
  where v.workspace_id = new.workspace_id and v.sequence_id = new.sequence_id
    and v.version = new.version
  for key share;
  if not found then
    perform enrollment_reference_missing(false, null, new.sequence_id, new.version);
  end if;
  return null;
end
$$;

create trigger enrollments_references_on_update after update on enrollments
  for each row
  when ((new.workspace_id, new.contact_id, new.sequence_id, new.version)
        is distinct from (old.workspace_id, old.contact_id, old.sequence_id, old.version))
  execute function enrollment_check_references();

create function contacts_delete_enrollments() returns trigger
language plpgsql as $$
begin
  delete from enrollments e using deleted_contacts d
  where e.workspace_id = d.workspace_id and e.contact_id = d.id;
  return null;
end
$$;

create trigger contacts_enrollments_on_delete after delete on contacts
  referencing old table as deleted_contacts
  for each statement execute function contacts_delete_enrollments();

create function sequence_versions_delete_enrollments() returns trigger
language plpgsql as $$
begin
  delete from enrollments e using deleted_versions d
  where e.workspace_id = d.workspace_id and e.sequence_id = d.sequence_id
    and e.version = d.version;
  return null;
end
$$;

create trigger sequence_versions_enrollments_on_delete after delete on sequence_versions
  referencing old table as deleted_versions
  for each statement execute function sequence_versions_delete_enrollments();

-- A contact's key can't change while enrollments point to it (the foreign key's NO ACTION).
create function contacts_keep_enrolled_keys() returns trigger
language plpgsql as $$
begin
  if exists (select 1 from enrollments e
             where e.workspace_id = old.workspace_id and e.contact_id = old.id) then
    raise exception 'contact % has enrollments; its id can''t change', old.id
      using errcode = 'foreign_key_violation', table = 'contacts';
  end if;
  return new;
end
$$;

create trigger contacts_keep_enrolled_keys before update on contacts
  for each row
  when ((new.workspace_id, new.id) is distinct from (old.workspace_id, old.id))
  execute function contacts_keep_enrolled_keys();

-- 2. A step sets updated_at itself: the trigger that keeps it current runs only for the
--    updates that don't (a plpgsql call per row saved on every step).
drop trigger enrollments_touch on enrollments;
create trigger enrollments_touch before update on enrollments
  for each row when (new.updated_at is distinct from now())
  execute function touch_updated_at();

-- 3. PostgreSQL 18 has uuidv7() built in: the same layout as 004's nudge_uuid_v7(), at half the
--    cost. A one-expression SQL function is inlined, so the default calls it directly.
do $$
begin
  if current_setting('server_version_num')::int >= 180000 then
    create or replace function nudge_uuid_v7() returns uuid
    language sql volatile parallel safe as 'select uuidv7()';
  end if;
end
$$;
