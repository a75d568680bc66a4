-- Forward-only upsert of one feature hash (a supply/demand cell, a velocity entity).
-- KEYS[1]: the hash, e.g. features:sd:{cell} or features:vel:card:{fp}
-- ARGV[1]: the vector's event time (epoch millis); ARGV[2]: time to live (millis);
-- ARGV[3]: the hash field holding the event time (event_time);
-- ARGV[4]: 'early' for a vector written ahead of its transaction's commit, 'committed' for one read back
-- from the committed features topic (ADR 0034);
-- ARGV[5..]: field, value pairs of the whole vector, event time and updated_at included.
-- A vector applies when its event time is later than the stored one, so a replayed older vector changes
-- nothing (and does not extend the life of a dead key): returns 1. A committed vector whose event time
-- equals the stored one replaces it too, since the stored copy may be an early one that a crash made
-- different; it was served already, so it returns 2 ("confirmed"), not 1. Otherwise returns 0.
local stored = redis.call('HGET', KEYS[1], ARGV[3])
local reply = 1
if stored then
  local storedTime = tonumber(stored)
  local eventTime = tonumber(ARGV[1])
  if storedTime > eventTime or (storedTime == eventTime and ARGV[4] ~= 'committed') then
    return 0
  end
  if storedTime == eventTime then
    reply = 2
  end
end
redis.call('HSET', KEYS[1], unpack(ARGV, 5))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return reply
