package org.kepu.gateway.policy;

import java.util.List;

/**
 * What the gateway's policy reads of a request: its head as received, never its body. The transport adapts its own
 * request type to this, so that every step can be tested with a head written by hand.
 */
public interface RequestHead {

    /** The method's name, upper case as sent. */
    String method();

    /** The path as received, before normalisation; no query string. */
    String rawPath();

    /** HTTP/2: framing is the stream's, not the head's. */
    boolean http2();

    /** HTTP/1.1 (rather than 1.0), where a Host header is required. */
    boolean http11();

    /** The first value of a header, or null. */
    String header(String name);

    /** Every value of a header, in order; empty when absent. */
    List<String> headers(String name);

    /** The address of the connection's other end (a client, or a proxy in front of the gateway). */
    String peerAddress();
}
