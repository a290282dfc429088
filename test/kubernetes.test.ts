// The Kubernetes manifests in deploy/k8s: each object passes the Kubernetes API schemas (the OpenAPI validators the
// kubernetes-models package ships, no download), has no field those types do not know (every object is type-checked as
// a literal of its kubernetes-models type, so a misspelt key fails), and they fit together: probes on /readyz and
// /healthz, resource limits, the Secret's three keys, Service -> pods, Ingress -> Service, HPA -> Deployment, and a
// CronJob that calls the cron endpoint with the CRON_TOKEN.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { CronJob } from "kubernetes-models/batch/v1/CronJob";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { loadConfig } from "../src/config.ts";

const DIR = "deploy/k8s";

/** Each kind we ship: its model (validation) and where its TypeScript interface lives (strict keys). */
const MODELS = {
  "v1/ConfigMap": { model: ConfigMap, type: ["kubernetes-models/v1/ConfigMap", "IConfigMap"] },
  "v1/Secret": { model: Secret, type: ["kubernetes-models/v1/Secret", "ISecret"] },
  "v1/Service": { model: Service, type: ["kubernetes-models/v1/Service", "IService"] },
  "apps/v1/Deployment": { model: Deployment, type: ["kubernetes-models/apps/v1/Deployment", "IDeployment"] },
  "autoscaling/v2/HorizontalPodAutoscaler": {
    model: HorizontalPodAutoscaler,
    type: ["kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler", "IHorizontalPodAutoscaler"],
  },
  "batch/v1/CronJob": { model: CronJob, type: ["kubernetes-models/batch/v1/CronJob", "ICronJob"] },
  "networking.k8s.io/v1/Ingress": {
    model: Ingress,
    type: ["kubernetes-models/networking.k8s.io/v1/Ingress", "IIngress"],
  },
  "policy/v1/PodDisruptionBudget": {
    model: PodDisruptionBudget,
    type: ["kubernetes-models/policy/v1/PodDisruptionBudget", "IPodDisruptionBudget"],
  },
} as const;

type Manifest = {
  file: string;
  doc: Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string } };
};

const kustomization = parseAllDocuments(readFileSync(join(DIR, "kustomization.yaml"), "utf8"))[0]!.toJS() as {
  resources: string[];
};
const manifests: Manifest[] = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(DIR, file), "utf8")).map((d) => {
      if (d.errors.length) throw new Error(`${file}: ${d.errors.map((e) => e.message).join("; ")}`);
      return { file, doc: d.toJS() as Manifest["doc"] };
    }),
  );

const one = <T>(kind: string): T => {
  const found = manifests.filter((m) => m.doc.kind === kind);
  expect(found, `exactly one ${kind}`).toHaveLength(1);
  return found[0]!.doc as T;
};

/** Type-checks every manifest as a literal of its kubernetes-models interface; returns the compiler's complaints. */
function typeErrors(): string[] {
  const sources = new Map<string, string>();
  manifests.forEach((m, i) => {
    const [module, type] = MODELS[`${m.doc.apiVersion}/${m.doc.kind}` as keyof typeof MODELS].type;
    sources.set(
      join(process.cwd(), `__manifest_${i}.ts`),
      `// ${m.file}\nimport type { ${type} } from "${module}";\nexport const manifest: ` +
        `${type} = ${JSON.stringify(m.doc, null, 2)};\n`,
    );
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => sources.has(f) || ts.sys.fileExists(f);
  host.readFile = (f) => sources.get(f) ?? readFile(f);
  host.getSourceFile = (f, lang, onError) =>
    sources.has(f) ? ts.createSourceFile(f, sources.get(f)!, lang) : getSourceFile(f, lang, onError);
  const program = ts.createProgram([...sources.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && sources.has(d.file.fileName))
    .map((d) => {
      const text = sources.get(d.file!.fileName)!;
      const line = text.slice(text.lastIndexOf("\n", d.start ?? 0) + 1, text.indexOf("\n", d.start ?? 0)).trim();
      return `${text.split("\n")[0]} at ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}

describe("the Kubernetes manifests", () => {
  it("are all listed in the kustomization, and only known kinds", () => {
    expect([...kustomization.resources].sort()).toEqual([...new Set(manifests.map((m) => m.file))].sort());
    for (const m of manifests)
      expect(Object.keys(MODELS), `${m.file}: ${m.doc.apiVersion} ${m.doc.kind}`).toContain(
        `${m.doc.apiVersion}/${m.doc.kind}`,
      );
  });

  it("pass the Kubernetes API schemas", () => {
    for (const m of manifests) {
      const { model } = MODELS[`${m.doc.apiVersion}/${m.doc.kind}` as keyof typeof MODELS];
      expect(
        () => new (model as unknown as new (d: unknown) => { validate(): void })(m.doc).validate(),
        m.file,
      ).not.toThrow();
    }
  });

  it("use no field the Kubernetes types do not have", { timeout: 60_000 }, () => {
    expect(typeErrors()).toEqual([]);
  });

  it("would catch a misspelt field and a wrong type", () => {
    type Loose = { spec: { replicas: unknown; template: { spec: { containers: Record<string, unknown>[] } } } };
    const bad = structuredClone(one<Loose>("Deployment"));
    const container = bad.spec.template.spec.containers[0]!;
    container.readinesProbe = container.readinessProbe;
    bad.spec.replicas = "two";
    expect(() => new Deployment(bad as never).validate()).toThrow();
    const saved = manifests.splice(0, manifests.length, { file: "bad.yaml", doc: bad as unknown as Manifest["doc"] });
    try {
      const errors = typeErrors().join("\n");
      expect(errors).toMatch(/readinesProbe/);
      expect(errors).toMatch(/replicas/);
    } finally {
      manifests.splice(0, manifests.length, ...saved);
    }
  });

  it("run the app with probes, limits, the shared secrets and no state of its own", () => {
    const deployment = one<Deployment>("Deployment");
    const pod = deployment.spec!.template.spec!;
    const app = pod.containers[0]!;
    expect(deployment.spec!.replicas).toBeGreaterThanOrEqual(2);
    expect(app.readinessProbe?.httpGet?.path).toBe("/readyz");
    expect(app.livenessProbe?.httpGet?.path).toBe("/healthz");
    expect(app.resources?.limits?.memory).toBeDefined();
    expect(app.resources?.requests?.memory).toBeDefined();
    expect(app.resources?.requests?.cpu).toBeDefined();
    expect(app.command, "the image's CMD (one plain node process) runs").toBeUndefined();
    expect(app.envFrom?.map((e) => e.secretRef?.name ?? e.configMapRef?.name)).toEqual(["chitfunds", "chitfunds"]);
    const secret = one<Secret>("Secret");
    expect(Object.keys(secret.stringData ?? {}).sort()).toEqual(["AUTH_SECRET", "CRON_TOKEN", "MONGODB_URI"]);
    expect(
      pod.volumes?.every((v) => v.emptyDir !== undefined),
      "no persistent volume: MongoDB holds everything",
    ).toBe(true);
    const labels = deployment.spec!.template.metadata!.labels!;
    expect(deployment.spec!.selector.matchLabels).toEqual(labels);
    const ports = new Map(app.ports!.map((p) => [p.name, p.containerPort]));
    expect(pod.containers[0]!.readinessProbe!.httpGet!.port).toBe("http");
    expect(ports.get("http")).toBe(3000);

    const config = one<ConfigMap>("ConfigMap").data!;
    expect(Number(config.METRICS_PORT)).toBe(ports.get("metrics"));
    // The settings the pods get are ones the app accepts (placeholders aside, which it refuses on purpose).
    expect(() =>
      loadConfig({
        ...config,
        MONGODB_URI: "mongodb+srv://u:p@cluster0.example.mongodb.net/chitfunds",
        AUTH_SECRET: "x".repeat(32),
        CRON_TOKEN: "y".repeat(24),
      }),
    ).not.toThrow();
    expect(() => loadConfig({ ...config, ...secret.stringData })).toThrow(/MONGODB_URI|AUTH_SECRET|CRON_TOKEN/);
  });

  it("route members to the pods and scale them", () => {
    const deployment = one<Deployment>("Deployment");
    const labels = deployment.spec!.template.metadata!.labels!;
    const service = one<Service>("Service");
    expect(service.spec!.selector).toEqual(labels);
    expect(service.spec!.ports!.map((p) => p.targetPort)).toEqual(["http"]);
    const ingress = one<Ingress>("Ingress");
    const backend = ingress.spec!.rules![0]!.http!.paths[0]!.backend.service!;
    expect(backend.name).toBe(service.metadata!.name);
    expect(backend.port!.name).toBe("http");
    const hpa = one<HorizontalPodAutoscaler>("HorizontalPodAutoscaler");
    expect(hpa.spec!.scaleTargetRef).toMatchObject({ kind: "Deployment", name: deployment.metadata!.name });
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    expect(one<PodDisruptionBudget>("PodDisruptionBudget").spec!.selector!.matchLabels).toEqual(labels);
  });

  it("call the reminder job with the CRON_TOKEN from the Secret", () => {
    const cron = one<CronJob>("CronJob");
    const container = cron.spec!.jobTemplate.spec!.template.spec!.containers[0]!;
    const env = new Map(container.env!.map((e) => [e.name, e]));
    expect(env.get("CRON_URL")!.value).toBe(`http://${one<Service>("Service").metadata!.name}/api/v1/cron/run`);
    expect(env.get("CRON_TOKEN")!.valueFrom!.secretKeyRef).toEqual({ name: "chitfunds", key: "CRON_TOKEN" });
    const script = container.command!.join(" ");
    expect(script).toMatch(/method: "POST"/);
    expect(script).toMatch(/authorization: `Bearer \$\{process\.env\.CRON_TOKEN\}`/);
    expect(cron.spec!.concurrencyPolicy).toBe("Forbid");
    expect(one<ConfigMap>("ConfigMap").data!.REMINDER_SCHEDULE, "pods leave reminders to the CronJob").toBe("off");
  });
});
