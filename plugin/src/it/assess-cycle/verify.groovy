// After assess (fail) -> baseline -> assess (pass): the baseline accepted the finding, the site exists.
def baseline = new File(basedir, 'devops-baseline.json').text
assert baseline.contains('"check" : "pipeline-defined"') : "baseline must now accept the pipeline finding:\n" + baseline
assert new File(basedir, 'devops-baseline.json.bak').text.contains('"score" : 100') : 'previous baseline kept as .bak'

def json = new File(basedir, 'target/devops/assessment.json').text
assert json.contains('"schemaVersion" : 1')
assert json.contains('is not tracked by the git repository') || json.contains('no git repository')

def index = new File(basedir, 'target/devops/site/index.html')
assert index.isFile()
assert index.text.contains('Delivery (DORA)')

def log = new File(basedir, 'build.log').text
assert log.contains('DevOps assessment regressed against') : 'first assess must explain the regression'
assert log.contains('New high finding pipeline-defined') : 'the regression names the new finding'
assert log.contains('The overall score dropped from 100 to 0') // no pipeline deploys to production: dependency updates are not judged
assert log.contains('mvn devops:baseline') : 'the message says how to accept the change'
assert log.contains('No regression against devops-baseline.json') : 'last assess must pass against the new baseline'
assert (log =~ /\[INFO\] Time: history [0-9.]+ s, scanners [0-9.]+ s, checks [0-9.]+ s, trend [0-9.]+ s, report [0-9.]+ s/)
        .find() : 'each assess logs the time of its stages'
return true
