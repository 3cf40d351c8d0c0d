/** Implementation shared by the recs sources; not for users, may change without notice. */
package io.recs.connectors.internal;
