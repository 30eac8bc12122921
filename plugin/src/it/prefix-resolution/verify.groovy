def log = new File(basedir, 'build.log').text
assert !log.contains('No plugin found for prefix') : 'the prefix resolves through pluginGroups'
assert (log =~ /devops-maven-plugin:[^:]+:assess \(default-cli\) @ prefix-resolution/).find() : 'the goal ran by its prefix'
assert new File(localRepositoryPath, 'io/github/devopsassess/maven-metadata-local.xml').text.contains('<prefix>devops</prefix>') : 'install wrote the group-level prefix metadata'
assert new File(basedir, 'target/devops/assessment.json').isFile() : 'the json format was written'
assert !new File(basedir, 'target/devops/site').exists() : 'devops.formats=json leaves out the site'
// help -Ddetail lists the goal's parameters with their user properties, and no text "@since"
assert log.contains('devops:assess') && log.contains('User property: devops.formats') : 'help shows the assess parameters'
assert !log.contains('@since') : 'no literal @since in any description'
return true
