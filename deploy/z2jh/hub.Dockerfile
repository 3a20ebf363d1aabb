# The hub's image with careerkit's workshop-code sign-in (careerkit.workshop.auth). Only the
# small code module runs in the hub; careerkit's heavy dependencies are not installed.
#   docker build -f deploy/z2jh/hub.Dockerfile -t registry.example.org/careerkit-hub:<commit> .
# Use the k8s-hub version that matches your Helm chart version (values.yaml was checked
# against chart 4.4.0's values schema).
ARG HUB_IMAGE=quay.io/jupyterhub/k8s-hub:4.4.0
FROM ${HUB_IMAGE}
USER root
COPY pyproject.toml README.md LICENSE /tmp/careerkit/
COPY careerkit /tmp/careerkit/careerkit
COPY data /tmp/careerkit/data
RUN python3 -m pip install --no-cache-dir --no-deps /tmp/careerkit \
 && python3 -m pip install --no-cache-dir filelock \
 && rm -rf /tmp/careerkit
USER ${NB_USER:-jovyan}
