-- Sign-in and sign-up by code. A login code may carry a single-use sign-in link: only an HMAC of its token
-- (bound to the flow) is kept, beside the code. A sign-up code keeps the traits it was sent for, so the
-- second step can insist on the same traits (nothing is created before the code is proven).
ALTER TABLE one_time_code ADD COLUMN link_hash VARCHAR(64);
ALTER TABLE one_time_code ADD COLUMN traits TEXT;
