package io.github.devopsassess.facts.history;

import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.FileTouch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * @param value the truck factor
 * @param removed the people whose departure leaves more than half of the files without an author, in order
 * @param files how many files were considered
 */
public record TruckFactor(int value, List<String> removed, int files) {
}
