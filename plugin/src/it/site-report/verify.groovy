def page = new File(basedir, 'target/site/devops-assessment.html')
assert page.isFile() : 'mvn site rendered the report goal (a MavenReport without maven-reporting-impl)'
assert page.text.contains('Score ') && page.text.contains('of 100') : 'the summary shows the score'
assert page.text.contains('href="devops/index.html"') : 'it links the full report'
assert new File(basedir, 'target/site/devops/index.html').isFile() : 'the full report site is copied beside it'
return true
