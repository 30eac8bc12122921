def log = new File(basedir, 'build.log').text
assert log.contains('No baseline at') : 'assess explains that there is no baseline'
assert log.contains("Run 'mvn devops:baseline'") : 'and how to create one'
assert !new File(basedir, 'devops-baseline.json').exists() : 'assess never writes a baseline of its own'
['assessment.json', 'devops.sarif', 'devops-junit.xml', 'site/index.html', 'site/areas/delivery.html'].each {
    assert new File(basedir, "target/devops/$it").isFile() : "missing output $it"
}
assert new File(basedir, 'target/devops/devops.sarif').text.contains('"version" : "2.1.0"')
assert new File(basedir, 'target/devops/devops-junit.xml').text.contains('<testsuites')
return true
