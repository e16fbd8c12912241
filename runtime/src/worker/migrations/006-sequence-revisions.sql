-- Drafts carry a revision, so that saving can't overwrite a draft that changed since it was
-- loaded: the API answers it as a strong ETag ("<revision>") and honours If-Match with it on
-- PUT /api/sequences/:id and on publish (optimistic concurrency; issue 13). It counts the
-- writes of the draft: 1 when created, one more at every PUT (which sets it itself, in the
-- statement that checks If-Match), and one more at any other update of the draft or its name,
-- by this trigger, whoever writes it.
alter table sequences add column revision integer not null default 1 check (revision > 0);

create function sequences_bump_revision() returns trigger
language plpgsql as $$
begin
  new.revision := old.revision + 1;
  return new;
end
$$;
create trigger sequences_revision before update of draft, name on sequences
  for each row
  when (new.revision = old.revision
        and (new.draft is distinct from old.draft or new.name is distinct from old.name))
  execute function sequences_bump_revision();
