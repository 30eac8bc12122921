plugins {
    `java-library`
    kotlin("jvm") version "1.9.23"
}

java {
    toolchain {
        languageVersion.set(JavaLanguageVersion.of(21))
    }
}

kotlin {
    jvmToolchain(21)
}

/*
java {
    toolchain {
        languageVersion = JavaLanguageVersion.of(11)
    }
}
*/

val javaRelease: String by project
tasks.withType<JavaCompile>().configureEach {
    options.release.set(javaRelease.toInt())
}
