package io.github.devopsassess.scan.oncall;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a service is a production one, from its name when the format has no such field. */
final class Production {

    private static final Pattern NOT_PROD = Pattern.compile(
            "non[- _]?prod|pre[- _]?prod|staging|stage|sandbox|\\bdev\\b|development|\\btest\\b|\\bqa\\b|\\buat\\b");
    private static final Pattern PROD = Pattern.compile("prod|\\blive\\b|customer|production");

    private Production() {
    }

    static boolean named(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('_', ' ');
        return !NOT_PROD.matcher(t).find() && PROD.matcher(t).find();
    }
}
