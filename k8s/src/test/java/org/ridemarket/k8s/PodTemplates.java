package org.ridemarket.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The pod templates of an overlay's workloads: what runs, whatever kind of controller runs it. */
record PodTemplates(String workload, PodTemplateSpec template, boolean longRunning) {

  static List<PodTemplates> of(Overlays.Rendered rendered) {
    List<PodTemplates> templates = new ArrayList<>();
    rendered.all(Deployment.class).forEach(d -> templates.add(
        new PodTemplates("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate(), true)));
    rendered.all(StatefulSet.class).forEach(s -> templates.add(
        new PodTemplates("StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate(), true)));
    // A Job ends by itself: its deadline, not a probe, is what ends a stuck one.
    rendered.all(Job.class).forEach(j -> templates.add(
        new PodTemplates("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate(), false)));
    return templates;
  }

  PodSpec spec() {
    return template.getSpec();
  }

  /** Init containers and containers. */
  Stream<Container> allContainers() {
    return Stream.concat(spec().getInitContainers().stream(), spec().getContainers().stream());
  }

  String appName() {
    return template.getMetadata().getLabels().get("app.kubernetes.io/name");
  }
}
