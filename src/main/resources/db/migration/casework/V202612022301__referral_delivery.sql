-- How a sent external referral's letter was delivered, and the receiving body's answer
ALTER TABLE casework.referrals
    ADD COLUMN delivered_how varchar(20)
        CHECK (delivered_how IN ('secure_email', 'post', 'handed_over', 'phone')),
    ADD COLUMN delivered_on  date,
    ADD COLUMN delivered_by  varchar(64),
    ADD COLUMN answer_on     date,
    ADD COLUMN answer_text   varchar(1000),
    ADD COLUMN answer_by     varchar(64);
