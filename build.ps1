#!/usr/bin/env pwsh
# Bootstrap, as Cake's build.ps1: build the pipeline host once (ReadyToRun, into .pipeline/host), rebuild it
# incrementally when a source file is newer than the last build (restoring only when a project or lock file changed),
# then run it with the arguments: ./build.ps1 --target=Report
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$hostDir = Join-Path '.pipeline' 'host'
$stamp = Join-Path $hostDir '.built'
$exe = if ($IsWindows) { Join-Path $hostDir 'pipeline.exe' } else { Join-Path $hostDir 'pipeline' }

# The files the host compiles or embeds that changed since the last build; null for a first build.
function Get-Changed {
    if (-not (Test-Path $exe) -or -not (Test-Path $stamp)) { return $null }
    $built = (Get-Item -Force $stamp).LastWriteTimeUtc
    $sources = @('build', 'stages') | ForEach-Object {
        Get-ChildItem -Path $_ -Recurse -File |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    }
    $sources += @('global.json', 'Directory.Build.props', 'Directory.Packages.props') | ForEach-Object { Get-Item $_ }
    return ,@($sources | Where-Object { $_.LastWriteTimeUtc -gt $built } |
        ForEach-Object { [System.IO.Path]::GetRelativePath($PSScriptRoot, $_.FullName).Replace('\', '/') } | Sort-Object)
}

# A restore only when a project's restore output lacks this RID, or a project, props or lock file changed (as build.sh).
function Test-NeedsRestore($changed, $rid) {
    foreach ($project in @('build/Engine', 'build/Host', 'stages/Stages')) {
        $assets = Join-Path $project 'obj/project.assets.json'
        if (-not (Test-Path $assets) -or -not (Select-String -Quiet -SimpleMatch "`"net10.0/$rid`"" $assets)) { return $true }
    }
    return [bool]($changed | Where-Object { $_ -match '(\.csproj|\.props|\.targets|packages\.lock\.json|global\.json)$' })
}

$changed = Get-Changed
if ($null -eq $changed -or $changed.Count -gt 0) {
    $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $restore = @()
    if ($null -eq $changed) {
        Write-Host 'Building the pipeline host (the first build: restore, Engine, Stages, Host, then the ReadyToRun publish; about a minute)...'
    } else {
        $what = if ($changed.Count -eq 1) { "$($changed[0]) changed" } else { "$($changed[0]) and $($changed.Count - 1) more files changed" }
        if (Test-NeedsRestore $changed $rid) {
            Write-Host "Rebuilding the pipeline host: $what (with a restore: a project or package lock file changed)..."
        } else {
            Write-Host "Rebuilding the pipeline host: $what (incremental, no restore: the package lock files are unchanged)..."
            $restore = @('--no-restore')
        }
    }
    New-Item -ItemType Directory -Force -Path $hostDir | Out-Null
    $started = Join-Path $hostDir '.building'
    New-Item -ItemType File -Force -Path $started | Out-Null
    dotnet publish build/Host/Host.csproj -c Release -r $rid --self-contained false @restore `
        -p:PublishReadyToRun=true -o $hostDir --nologo -v quiet -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) {
        Write-Error 'the pipeline host did not build (see above)' -ErrorAction Continue
        exit 2
    }
    Move-Item -Force $started $stamp
}
& $exe @args
exit $LASTEXITCODE
