/** The failure count after this one: a failure after the window restarts the count. */
const NEXT = `(CASE WHEN t.window_started_at <= now() - make_interval(secs => $4) THEN 1 ELSE t.failures + 1 END)`;

/**
 * One failed sign-in for (scope, key), in one statement, so concurrent replicas count the
 * same. The failure that reaches the limit sets the lock and restarts the count
 * (`failures = 0` in the answer marks "locked by this failure").
 * $1 scope, $2 key, $3 limit, $4 window seconds, $5 lockout seconds.
 */
export const RECORD_LOGIN_FAILURE = `
  INSERT INTO review.login_throttle AS t (scope, key, failures, window_started_at, locked_until)
  VALUES ($1, $2, CASE WHEN $3::int <= 1 THEN 0 ELSE 1 END, now(),
          CASE WHEN $3::int <= 1 THEN now() + make_interval(secs => $5) END)
  ON CONFLICT (scope, key) DO UPDATE SET
    failures = CASE WHEN ${NEXT} >= $3::int THEN 0 ELSE ${NEXT} END,
    window_started_at = CASE WHEN ${NEXT} = 1 OR ${NEXT} >= $3::int THEN now() ELSE t.window_started_at END,
    locked_until = CASE WHEN ${NEXT} >= $3::int THEN now() + make_interval(secs => $5) ELSE t.locked_until END
  RETURNING failures, locked_until`;

/** The longest lock still running on the user name ($1) or the client address ($2), in seconds. */
export const ACTIVE_LOCK = `
  SELECT scope, ceil(extract(epoch FROM locked_until - now()))::int AS seconds
  FROM review.login_throttle
  WHERE ((scope = 'user' AND key = $1) OR (scope = 'ip' AND key = $2)) AND locked_until > now()
  ORDER BY locked_until DESC
  LIMIT 1`;
