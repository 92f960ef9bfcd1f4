#!/usr/bin/env pwsh
# Bootstrap, as Cake's build.ps1: build the pipeline host once (ReadyToRun, into .pipeline/host), rebuild it
# only when a source file is newer than the last build, then run it with the arguments: ./build.ps1 --target=Report
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$hostDir = Join-Path '.pipeline' 'host'
$stamp = Join-Path $hostDir '.built'
$exe = if ($IsWindows) { Join-Path $hostDir 'pipeline.exe' } else { Join-Path $hostDir 'pipeline' }

function Test-Stale {
    if (-not (Test-Path $exe) -or -not (Test-Path $stamp)) { return $true }
    $built = (Get-Item -Force $stamp).LastWriteTimeUtc
    $sources = @('build', 'stages') | ForEach-Object {
        Get-ChildItem -Path $_ -Recurse -File |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    }
    $sources += @('global.json', 'Directory.Build.props', 'Directory.Packages.props') | ForEach-Object { Get-Item $_ }
    return [bool]($sources | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1)
}

if (Test-Stale) {
    Write-Host 'Building the pipeline host...'
    $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    New-Item -ItemType Directory -Force -Path $hostDir | Out-Null
    $started = Join-Path $hostDir '.building'
    New-Item -ItemType File -Force -Path $started | Out-Null
    dotnet publish build/Host/Host.csproj -c Release -r $rid --self-contained false `
        -p:PublishReadyToRun=true -o $hostDir --nologo -v quiet -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) {
        Write-Error 'the pipeline host did not build (see above)' -ErrorAction Continue
        exit 2
    }
    Move-Item -Force $started $stamp
}
& $exe @args
exit $LASTEXITCODE
