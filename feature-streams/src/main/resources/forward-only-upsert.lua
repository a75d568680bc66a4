-- Forward-only upsert of one feature hash (a supply/demand cell, a velocity entity).
-- KEYS[1]: the hash, e.g. features:sd:{cell} or features:vel:card:{fp}
-- ARGV[1]: the vector's event time (epoch millis); ARGV[2]: time to live (millis);
-- ARGV[3]: the hash field holding the event time (event_time);
-- ARGV[4..]: field, value pairs of the whole vector, event time and updated_at included.
-- Applies only when the new event time is later than the stored one, so a duplicate or a replayed
-- older vector changes nothing (and does not extend the life of a dead key). Returns 1 if applied.
local stored = redis.call('HGET', KEYS[1], ARGV[3])
if stored and tonumber(stored) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
