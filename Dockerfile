# The pipeline as an image: docker build -t pipeline . && docker run --rm -v "$PWD:/work" pipeline --target=Report
# Two stages: the SDK builds and publishes the host (packages restored in locked mode); the runtime stage carries only
# the .NET runtime, a non-root user and the published host. The base images are build arguments, so a local or
# mirrored base can stand in (the tests build on Debian bases made with debootstrap).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 CI=true
# The project files and their lock files first: the restore is a layer of its own, redone only when they change.
COPY .editorconfig Directory.Build.props Directory.Packages.props ./
COPY build/Engine/Engine.csproj build/Engine/packages.lock.json build/Engine/
COPY build/Host/Host.csproj build/Host/packages.lock.json build/Host/
COPY stages/Stages/Stages.csproj stages/Stages/packages.lock.json stages/Stages/
RUN dotnet restore build/Host/Host.csproj --locked-mode -r linux-x64 -p:PublishReadyToRun=true
COPY build/ build/
COPY stages/ stages/
RUN dotnet publish build/Host/Host.csproj -c Release -r linux-x64 --self-contained false --no-restore \
        -p:PublishReadyToRun=true -o /opt/pipeline --nologo

FROM ${RUNTIME_IMAGE}
# A user of its own (uid 1000, the usual first user of a Linux machine); compose.yaml runs it as yours instead.
# /cache is where compose.yaml mounts the run-cache volume: a new named volume takes this folder's mode, so whatever
# user the container runs as can write it.
RUN useradd --uid 1000 --user-group --create-home --shell /usr/sbin/nologin pipeline \
    && install -d -m 1777 /cache
COPY --from=build /opt/pipeline /opt/pipeline
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /work
USER pipeline
ENTRYPOINT ["/opt/pipeline/pipeline"]
CMD ["--target=Report"]
