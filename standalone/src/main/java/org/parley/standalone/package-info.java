/**
 * Standalone mode: the web and both workers in one JVM, on embedded H2, an embedded AMQP
 * broker and an embedded SMTP catcher. Only connection settings differ from production;
 * every message still crosses the broker and every row the database.
 */
package org.parley.standalone;
