package io.mlops.engine.model;

import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A model serialised for its bundle, with the manifest that carries the serialised bytes' checksum and fingerprint.
 *
 * @param model    the model
 * @param bytes    its protobuf bytes, written as the bundle's model file
 * @param manifest the complete manifest
 */
public record SealedModel(Model<Label> model, byte[] bytes, BundleManifest manifest) {}
