/**
 * The gateway's transport: the relay of an admitted request to one instance of its service and of the answer back
 * ({@link org.kepu.gateway.transport.UpstreamProxy}, {@link org.kepu.gateway.transport.UpstreamCall}), the upstream
 * connections each event loop keeps ({@link org.kepu.gateway.transport.UpstreamConnections}), the requests in flight
 * that a shutdown drains, and the problem answers it writes. It reads what the policy decided (the path, the request
 * id, in {@link org.kepu.gateway.policy.Admission}) and never calls a policy step: deciding is done before a request
 * gets here.
 */
package org.kepu.gateway.transport;
