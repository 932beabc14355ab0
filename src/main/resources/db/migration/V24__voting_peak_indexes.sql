-- What a vote writes at the peak, cut to what the rules need (docs/decisions/0033-vote-write-path.md).
--
-- 1. The participation reference comes from a sequence: unique by construction, short, and inserted at the right edge
--    of its index instead of at a random page. It says nothing the cast time in the same row does not already say, and
--    it is never in the ballot box.
create sequence voting_participation_ref_seq cache 100;
alter table voting_participation
    alter column ref set default ('P' || lpad(nextval('voting_participation_ref_seq')::text, 11, '0'));

-- 2. The ballot box keeps one random-key index (the receipt, which citizens look up). The link tag is found within its
--    ballot's rows (a void is rare and made by the owner); one box row per accepted participation is guaranteed by the
--    writer, which inserts it in the same transaction as the participation the primary key admitted.
alter table voting_ballot_box drop constraint voting_ballot_box_ballot_id_link_tag_key;
create index voting_ballot_box_ballot on voting_ballot_box (ballot_id);

-- 3. The two rows of a vote no longer check their ballot per row: the vote path reads the ballot (open, accepting)
--    before writing, and a ballot that has votes cannot be deleted — this trigger refuses it, so no vote is orphaned.
alter table voting_participation drop constraint voting_participation_ballot_id_fkey;
alter table voting_ballot_box drop constraint voting_ballot_box_ballot_id_fkey;

-- (one function per table: no statement of the app names both tables, see docs/voting-secrecy.md)
create function voting_ballot_keep_participations() returns trigger language plpgsql as $$
begin
    if exists (select 1 from voting_participation where ballot_id = old.id) then
        raise exception 'voting_ballot % has participations and cannot be deleted', old.id
            using errcode = 'foreign_key_violation';
    end if;
    return old;
end
$$;
create trigger voting_ballot_keep_participations before delete on voting_ballot
    for each row execute function voting_ballot_keep_participations();

create function voting_ballot_keep_box() returns trigger language plpgsql as $$
begin
    if exists (select 1 from voting_ballot_box where ballot_id = old.id) then
        raise exception 'voting_ballot % has ballots in its box and cannot be deleted', old.id
            using errcode = 'foreign_key_violation';
    end if;
    return old;
end
$$;
create trigger voting_ballot_keep_box before delete on voting_ballot
    for each row execute function voting_ballot_keep_box();
