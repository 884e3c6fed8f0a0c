-- The indicators of an upload that none of the departments in $scope is responsible for: a
-- reporter may withdraw only a batch every value of which is theirs to report.
SELECT DISTINCT a.indicator_code AS code
FROM (
  SELECT indicator_code FROM actual WHERE upload_id = $id
  UNION ALL SELECT indicator_code FROM target_value WHERE upload_id = $id
) a
WHERE true
  AND NOT EXISTS (
    SELECT 1
    FROM indicator i
    JOIN task_department td ON td.document_id = i.document_id AND td.task_seq = i.task_seq
    WHERE i.code = a.indicator_code AND list_contains($scope, td.department)
  )
ORDER BY code
LIMIT 3
