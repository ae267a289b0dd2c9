; Inno Setup script: a per-user installer around the PyInstaller bundle (dist\scalpzone).
; Built by .github/workflows/release.yml: iscc /DAppVersion=<version> packaging\windows\scalpzone.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId=org.scalpzone.ScalpZone
AppName=ScalpZone
AppVersion={#AppVersion}
AppPublisher=ScalpZone developers
DefaultDirName={autopf}\ScalpZone
DefaultGroupName=ScalpZone
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=ScalpZone-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\build\dist\scalpzone\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\ScalpZone"; Filename: "{app}\scalpzone.exe"
Name: "{userdesktop}\ScalpZone"; Filename: "{app}\scalpzone.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\scalpzone.exe"; Description: "Start ScalpZone"; Flags: nowait postinstall skipifsilent
