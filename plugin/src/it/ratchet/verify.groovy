def log = new File(basedir, 'build.log').text
// the first run left the baseline as it was, so the second run still finds the fixed finding in it
assert log.count('1 baseline finding fixed') == 2 : 'both runs report the fixed finding'
assert log.contains('Ratchet: devops-baseline.json could be tightened') : 'the first run says that it could tighten'
assert log.contains('-Ddevops.ratchet=true') : '...and how'
assert log.indexOf('could be tightened') < log.indexOf('Ratchet: tightened devops-baseline.json') : 'only the run that asked tightened'
def baseline = new File(basedir, 'devops-baseline.json').text
assert !baseline.contains('pipeline-defined') : "the fixed finding left the baseline:\n" + baseline
assert baseline.contains('"delivery" : 100') : "scores only go up:\n" + baseline
assert new File(basedir, 'devops-baseline.json.bak').text.contains('pipeline-defined') : 'previous kept as .bak'
return true
