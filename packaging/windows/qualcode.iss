; Inno Setup script of the Windows installer: wraps the folder scripts/build-app.sh builds
; (dist\QualCode, with QualCode.exe and qualcode-cli.exe), adds Start-menu entries and opens
; .qdaproj (QualCode projects) and .qdpx (REFI-QDA projects, imported as new projects) with
; QualCode. Built by .github/workflows/build.yml (ISCC.exe packaging\windows\qualcode.iss).
#define AppName "QualCode"
; The workflow passes the bundle's own version: ISCC /DAppVersion=0.1.0 ...
#ifndef AppVersion
  #define AppVersion "dev"
#endif

[Setup]
AppId={{7C9E2A51-3F0B-4C1D-9A7E-5B2D8F6A4C31}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
; Students rarely have administrator rights on campus machines: per-user by default.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
UninstallDisplayIcon={app}\QualCode.exe

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\QualCode\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\QualCode.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\QualCode.exe"; Tasks: desktopicon

[Registry]
; .qdaproj belongs to QualCode.
Root: HKA; Subkey: "Software\Classes\.qdaproj"; ValueType: string; ValueName: ""; ValueData: "QualCode.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\QualCode.Project"; ValueType: string; ValueName: ""; ValueData: "QualCode project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\QualCode.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\QualCode.exe,0"
Root: HKA; Subkey: "Software\Classes\QualCode.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\QualCode.exe"" ""%1"""
; .qdpx is shared with NVivo, ATLAS.ti and MAXQDA: QualCode becomes the default only when no
; other program has it, and is always offered under "Open with".
Root: HKA; Subkey: "Software\Classes\.qdpx"; ValueType: string; ValueName: ""; ValueData: "QualCode.RefiProject"; Flags: createvalueifdoesntexist
Root: HKA; Subkey: "Software\Classes\.qdpx\OpenWithProgids"; ValueType: string; ValueName: "QualCode.RefiProject"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\QualCode.RefiProject"; ValueType: string; ValueName: ""; ValueData: "REFI-QDA project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\QualCode.RefiProject\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\QualCode.exe,0"
Root: HKA; Subkey: "Software\Classes\QualCode.RefiProject\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\QualCode.exe"" ""%1"""

[Run]
Filename: "{app}\QualCode.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
