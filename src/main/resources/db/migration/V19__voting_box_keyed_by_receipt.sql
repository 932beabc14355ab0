-- The ballot box's random id only repeated what the receipt hash already is: unique per vote and random. The receipt
-- hash becomes the primary key, so a vote at the peak maintains one index fewer (docs/decisions/0029).
alter table voting_ballot_box drop constraint voting_ballot_box_pkey;
alter table voting_ballot_box drop column id;
alter table voting_ballot_box drop constraint voting_ballot_box_receipt_hash_key;
alter table voting_ballot_box add primary key (receipt_hash);
