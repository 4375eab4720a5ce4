// Compile-only stand-in: declarations mirror stapler 1903.1905.ve5a_f469356f0 (org.kohsuke.stapler:stapler). Not
// packaged.
package org.kohsuke.stapler.bind;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Documented
public @interface JavaScriptMethod {
    String[] name() default {};
}
