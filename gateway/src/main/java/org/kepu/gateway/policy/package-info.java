/**
 * The gateway's policy: ordered steps that read a request's head and decide whether and where it goes, each a small
 * class with its own unit test, run in order by {@link org.kepu.gateway.policy.GatewayPolicy}. Steps do no network
 * I/O of their own (a token's key fetch aside) and never touch a connection; the transport sends their answers.
 */
package org.kepu.gateway.policy;
