def log = new File(basedir, 'build.log').text
def skipped = log.readLines().findAll { it.contains('Skipping: reactor-portfolio runs this goal for the whole repository') }
assert skipped.size() == 3 : "the three modules skip in the first build, found ${skipped.size()}"
def portfolio = new File(basedir, 'target/devops/portfolio.json').text
['reactor-portfolio', 'api', 'core', 'web'].each {
    assert portfolio.contains("\"name\" : \"$it\"") : "portfolio lists $it:\n$portfolio"
}
def page = new File(basedir, 'target/devops/site/portfolio.html')
assert page.isFile()
assert page.text.contains('DevOps portfolio')
assert log.contains('Portfolio of 4 repositories')
return true
