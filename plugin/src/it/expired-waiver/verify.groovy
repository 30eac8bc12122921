def log = new File(basedir, 'build.log').text
assert log.contains('owned by @someone expired on 2020-01-01') : 'the expired waiver fails the gate naming its owner'
assert log.contains('devops-waivers.yaml:2')
def json = new File(basedir, 'target/devops/assessment.json').text
assert !json.contains('"reason" : "accepted-risk"') : 'an expired waiver waives nothing'
return true
