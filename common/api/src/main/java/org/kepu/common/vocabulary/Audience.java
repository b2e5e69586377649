package org.kepu.common.vocabulary;

/** The key groups the provincial science-literacy plan names (青少年, 农民, 产业工人, 老年人, 领导干部和公务员…). */
public enum Audience implements Labelled {
    YOUTH, CHILDREN, WOMEN, FARMERS, INDUSTRIAL_WORKERS, ELDERLY, OFFICIALS, PUBLIC;
}
