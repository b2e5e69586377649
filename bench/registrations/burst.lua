-- A registration burst: every request registers a new phone number (so the phone rule refuses none), sizes 1 or 2,
-- at one event; each thread stops after its share of ATTEMPTS. Set by run.sh: EVENT (id), ATTEMPTS (total).
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  done = 0
  share = tonumber(os.getenv("ATTEMPTS")) / tonumber(os.getenv("THREADS"))
  path = "/api/v1/events/" .. os.getenv("EVENT") .. "/registrations"
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  sent = sent + 1
  local phone = string.format("13%d%08d", tid, sent)
  local size = (sent % 3 == 0) and 2 or 1
  local body = string.format('{"kind":"%s","size":%d,"name":"压测","phone":"%s"}',
    size == 1 and "PERSON" or "GROUP", size, phone)
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  done = done + 1
  if done >= share then
    wrk.thread:stop()
  end
end
