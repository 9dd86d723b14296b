"""Strings of the networks of one deployment and access per network (issue 11, §1-2).

One catalogue of planmonitor.i18n (key -> {"es": …, "en": …}).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "network.unnamed": {"es": "Red sin nombre", "en": "Unnamed network"},
    "access.writes": {
        "es": "Puede actualizar: {networks}.",
        "en": "You may update: {networks}.",
    },
    "access.writes_all": {
        "es": "Puede actualizar todas las redes.",
        "en": "You may update every network.",
    },
    "access.writes_none": {
        "es": "Rol regional: ve todas las redes y no actualiza ninguna.",
        "en": "Regional role: you see every network and update none.",
    },
    "access.network": {
        "es": "Red de este plan: {network}.",
        "en": "This plan's network: {network}.",
    },
    "access.refused.upload": {
        "es": "No puede actualizar los datos de la red «{network}»: su acceso no incluye esa "
        "red. Nada se ha guardado. {writes}",
        "en": "You may not update the data of the network «{network}»: your access does not "
        "include it. Nothing was stored. {writes}",
    },
    "access.refused.file": {
        "es": "Este libro es de la red «{network}», que su acceso no incluye: no se puede "
        "guardar. Nada se ha guardado. {writes}",
        "en": "This workbook belongs to the network «{network}», which your access does not "
        "include: it cannot be stored. Nothing was stored. {writes}",
    },
    "access.refused.rollback": {
        "es": "Restaurar una versión de la red «{network}» no le está permitido: su acceso no "
        "incluye esa red. {writes}",
        "en": "You may not restore a version of the network «{network}»: your access does "
        "not include it. {writes}",
    },
    "access.refused.decisions": {
        "es": "Registrar o actualizar decisiones de la red «{network}» no le está permitido: "
        "su acceso no incluye esa red. {writes}",
        "en": "You may not record or update decisions of the network «{network}»: your "
        "access does not include it. {writes}",
    },
    "store.network_refused": {
        "es": "El libro toca la red «{network}», que su acceso no incluye: no se guardó nada.",
        "en": "The workbook touches the network «{network}», which your access does not "
        "include: nothing was stored.",
    },
}
