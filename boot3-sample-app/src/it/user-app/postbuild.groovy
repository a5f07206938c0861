// The Bindscope BOM as this user's build resolved it: it manages Bindscope's own artifacts and
// nothing else. A BOM that also carried the Spring Boot line Bindscope is built with would override
// the versions of the user's own Spring Boot line wherever their build does not pin them.
def bom = new File(localRepositoryPath,
		"io/github/bindscope/bindscope-bom/${projectVersion}/bindscope-bom-${projectVersion}.pom")
assert bom.isFile() : "The BOM was not installed for the user's build: ${bom}"

def pom = new groovy.xml.XmlSlurper().parse(bom)
assert pom.parent.isEmpty() : "The published BOM names a parent, whose dependencyManagement users would import too"
assert pom.properties.isEmpty() : "The published BOM carries properties: ${pom.properties.children()*.name()}"

def managed = pom.dependencyManagement.dependencies.dependency
assert managed.collect { "${it.groupId}:${it.artifactId}".toString() } == [
		'io.github.bindscope:bindscope-core',
		'io.github.bindscope:bindscope-spring-boot-autoconfigure',
		'io.github.bindscope:bindscope-spring-boot-starter',
		'io.github.bindscope:bindscope-spring-boot3-autoconfigure',
		'io.github.bindscope:bindscope-spring-boot3-starter' ] :
		"The published BOM manages ${managed.size()} artifacts, not Bindscope's own five"
managed.each {
	assert it.scope.isEmpty() && it.type.isEmpty() : "${it.artifactId} is not a plain jar dependency"
	// Written as the BOM's own version, which Maven fills in where the BOM is imported
	assert it.version.text() in [ projectVersion, '${project.version}' ] : "${it.artifactId} is at ${it.version}"
}

// Maven Central's metadata, copied in from the parent the published BOM no longer names
['name', 'description', 'url', 'licenses', 'developers', 'scm', 'issueManagement'].each {
	assert !pom."${it}".isEmpty() : "The published BOM has no ${it}"
}
return true
