-- wrk script: POST /api/candidates with the typical record of the load benchmark, a new officer
-- per request (ids unique per thread and run). Run (a vetting officer's credentials in AUTH):
--   AUTH=$(printf 'hr.bench:password' | base64) wrk -t2 -c8 -d30s -s src/test/wrk/submit.lua http://127.0.0.1:8080
local counter = 0
local run = os.time()
local id = 0

setup = function(thread)
  id = id + 1
  thread:set("threadId", id)
end

-- threadId is a global of each thread's Lua state, set by setup (a local here would shadow it,
-- and both threads would submit the same officers)
init = function(args)
  counter = 0
end

request = function()
  counter = counter + 1
  local officer = string.format("MX-W%d-%d-%d", run, threadId, counter)
  local body = string.format('{"officerId":"%s","givenName":"Ana","familyName":"Ruiz","dateOfBirth":"1988-02-11","country":"MX","agency":"Guardia Nacional","serviceStartDate":"2012-06-01","targetUnit":"JU-FENTANYL","exams":[{"id":"e1","type":"POLYGRAPH","result":"PASS","date":"2026-03-10"},{"id":"e2","type":"TOXICOLOGICAL","result":"PASS","date":"2026-03-10"},{"id":"e3","type":"PSYCHOLOGICAL","result":"PASS","date":"2026-03-11"},{"id":"e4","type":"SOCIOECONOMIC","result":"PASS","date":"2026-03-12"},{"id":"e5","type":"MEDICAL","result":"PASS","date":"2026-03-12"},{"id":"e6","type":"MEDICAL","result":"FAIL","date":"2025-09-01"}],"financialDisclosures":[{"year":2025,"annualIncome":420000,"otherIncome":0,"totalAssets":1500000,"totalLiabilities":200000,"cashDeposits":0,"undeclaredAssets":0},{"year":2024,"annualIncome":400000,"otherIncome":0,"totalAssets":1300000,"totalLiabilities":210000,"cashDeposits":0,"undeclaredAssets":0}],"criminalRecords":[{"category":"FRAUD","date":"2014-05-02","status":"CONVICTED","id":"c1"}],"disciplinaryRecords":[{"category":"BRIBERY","date":"2023-01-15","finding":"UNSUBSTANTIATED","id":"d1"}],"associations":[{"relationship":"FAMILY","status":"SUSPECTED","id":"a1","organizationType":"CRIMINAL_ORGANIZATION"}],"priorVetting":[{"date":"2022-02-01","id":"p1","program":"SIU","result":"GRANTED"}]}', officer)
  return wrk.format("POST", "/api/candidates", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Basic " .. os.getenv("AUTH")
  }, body)
end
