-- The upload just committed waits for approval (same transaction as its values).
INSERT INTO upload_review_request (upload_id, requested_at, requested_by) VALUES ($upload_id, now(), $by)
