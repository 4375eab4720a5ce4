package io.mlops.contract.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a run ran: the versions of mlops, Java and Tribuo, and the operating system.
 *
 * @param mlops      the mlops version
 * @param java       the Java version
 * @param javaVendor the Java vendor
 * @param tribuo     the Tribuo version
 * @param os         operating system name, version and architecture
 * @param cpus       available processors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentInfo(String mlops, String java, String javaVendor, String tribuo, String os, int cpus) {}
