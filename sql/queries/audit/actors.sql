SELECT DISTINCT actor FROM audit_event WHERE actor IS NOT NULL ORDER BY actor
