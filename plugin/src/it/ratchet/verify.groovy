def log = new File(basedir, 'build.log').text
assert log.contains('1 baseline finding(s) fixed') : 'the fixed finding is reported'
assert log.contains('Ratchet: tightened devops-baseline.json') : 'and the baseline is tightened'
def baseline = new File(basedir, 'devops-baseline.json').text
assert !baseline.contains('pipeline-defined') : "the fixed finding left the baseline:\n" + baseline
assert baseline.contains('"delivery" : 100') : "scores only go up:\n" + baseline
assert new File(basedir, 'devops-baseline.json.bak').text.contains('pipeline-defined') : 'previous kept as .bak'
return true
