-- A registration rush: every request registers a new phone number (so the phone rule refuses none), sizes 1 or 2,
-- at one event (EVENT, set by run.sh); with KEYS=1 each attempt carries its own Idempotency-Key, as a careful app's
-- would.
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  sent = 0
  path = "/api/v1/events/" .. os.getenv("EVENT") .. "/registrations"
  headers = { ["Content-Type"] = "application/json" }
  keys = os.getenv("KEYS") == "1"
  run = tostring(os.time())
end

function request()
  sent = sent + 1
  local phone = string.format("13%d%08d", tid, sent)
  local size = (sent % 3 == 0) and 2 or 1
  local body = string.format('{"kind":"%s","size":%d,"name":"压测","phone":"%s"}',
    size == 1 and "PERSON" or "GROUP", size, phone)
  if keys then
    headers["Idempotency-Key"] = run .. "-" .. tid .. "-" .. sent
  end
  return wrk.format("POST", path, headers, body)
end
