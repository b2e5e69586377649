package org.kepu.common.asyncapi;

/**
 * One CloudEvent type a service writes, as the AsyncAPI document lists it.
 *
 * @param type the CloudEvent type, one of the service's constants (e.g. {@code kepu.event.published})
 * @param summary what happened, in one sentence a consumer reads
 * @param example a fact of this type as the service would write it: its JSON is the document's example, so an example
 *        cannot name a property the fact does not have
 */
public record FactMessage(String type, String summary, Record example) {
}
