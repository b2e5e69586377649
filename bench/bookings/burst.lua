-- A booking rush at one popular slot (VENUE and SLOT set by run.sh): every request a class of 1 to 3 from a new
-- school phone, so that the slot fills to the last seat and the rest are refused as full.
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  sent = 0
  path = "/api/v1/venues/" .. os.getenv("VENUE") .. "/slots/" .. os.getenv("SLOT") .. "/bookings"
  headers = { ["Content-Type"] = "application/json" }
end

function request()
  sent = sent + 1
  local size = 1 + (sent % 3)
  local body = string.format('{"size":%d,"school":"压测小学","leaderName":"压测","leaderPhone":"13%d%08d"}', size, tid, sent)
  return wrk.format("POST", path, headers, body)
end
