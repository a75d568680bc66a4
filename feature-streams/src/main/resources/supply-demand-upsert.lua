-- Forward-only upsert of one cell's supply/demand hash.
-- KEYS[1]: features:sd:{cell}
-- ARGV[1]: the vector's event time (epoch millis); ARGV[2]: time to live (millis);
-- ARGV[3..]: field, value pairs of the whole vector, event_time and updated_at included.
-- Applies only when the new event time is later than the stored one, so a duplicate or a replayed
-- older vector changes nothing (and does not extend the life of a dead cell). Returns 1 if applied.
local stored = redis.call('HGET', KEYS[1], 'event_time')
if stored and tonumber(stored) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
