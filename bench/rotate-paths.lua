-- wrk script: each request takes the next path from the file named by PATHS, each thread starting at its own place,
-- so that many distinct URLs are measured rather than one. Used as: PATHS=file wrk -s bench/rotate-paths.lua URL
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7919)
end

local next_index = nil
function request()
  if next_index == nil then next_index = offset or 0 end
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
