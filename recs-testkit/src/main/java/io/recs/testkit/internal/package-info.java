/** Internals of the testkit, not for users: the checks of its optional parts. */
package io.recs.testkit.internal;
